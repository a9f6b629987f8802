namespace AssetMap.Domain.TimeBank;

/// <summary>What a broker records: the giver spent <see cref="Hours"/> helping the receiver on <see cref="OccurredOn"/>.</summary>
public sealed record ExchangeRequest(
    Guid GiverId, Guid ReceiverId, Hours Hours, DateOnly OccurredOn, string? CategorySlug, string? Description);

/// <summary>Who recorded an exchange and when; <see cref="Today"/> is the UK date, so "not in the future" means the UK's today.</summary>
public sealed record Recording(string By, DateTimeOffset At, DateOnly Today);
