using AssetMap.Api.Features.Freshness;
using AssetMap.Domain.Assets;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.Assets.ReadModel;

/// <summary>Where an entry stands against its review interval.</summary>
public enum VerificationState
{
    /// <summary>Checked within its interval and not due soon.</summary>
    Fresh,

    /// <summary>Falls due within <see cref="FreshnessOptions.DueSoonDays"/>.</summary>
    Due,

    /// <summary>Past its due date: ranked below fresh entries.</summary>
    Overdue,

    /// <summary>Overdue by more than <see cref="FreshnessOptions.HideAfterOverdueMonths"/>: out of public search, marked on its page.</summary>
    Unverified,
}

/// <summary>An entry's freshness: when it was last checked, when it falls due, and what that makes it now.</summary>
internal sealed record Verification(VerificationState State, DateTimeOffset? LastVerifiedAt, DateTimeOffset DueAt);

/// <summary>
/// Decides an entry's <see cref="Verification"/> from the read model's columns (kind, last check, creation). The state
/// depends on configuration and the clock, so it is worked out here, after the one SQL read, by every surface alike
/// (REST, GraphQL, pages): none words it differently.
/// </summary>
internal sealed class VerificationRules(IOptions<FreshnessOptions> options, TimeProvider clock)
{
    private readonly FreshnessOptions _options = options.Value;

    public Verification Of(AssetView view) => Of(view.Kind, view.LastVerifiedAt, view.CreatedAt);

    public Verification Of(AssetKind kind, DateTimeOffset? lastVerifiedAt, DateTimeOffset createdAt)
    {
        // Never checked counts from creation: a new entry is as fresh as its data.
        var dueAt = _options.DueAt(kind, lastVerifiedAt ?? createdAt);
        var now = clock.GetUtcNow();
        var state = _options.HideAfterOverdueMonths > 0 && now > dueAt.AddMonths(_options.HideAfterOverdueMonths) ? VerificationState.Unverified
            : now >= dueAt ? VerificationState.Overdue
            : now >= dueAt.AddDays(-_options.DueSoonDays) ? VerificationState.Due
            : VerificationState.Fresh;
        return new Verification(state, lastVerifiedAt, dueAt);
    }
}
