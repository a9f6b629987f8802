namespace AssetMap.Domain.TimeBank;

/// <summary>How the member likes the broker to get in touch. Members are never contacted directly by practitioners.</summary>
public enum ContactPreference
{
    /// <summary>A phone call.</summary>
    Phone,

    /// <summary>A text message.</summary>
    Text,

    /// <summary>An email.</summary>
    Email,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>At a time-bank meet-up or drop-in.</summary>
    InPerson,
}
