using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>How an edit ended: saved, refused by a rule, lost to someone else's change, or no such record.</summary>
internal sealed record EditResult(EditResult.Outcome Status, Asset? Asset, EditErrors? Errors)
{
    public enum Outcome
    {
        Saved,
        Created,
        Invalid,
        Conflict,
        NotFound,
    }

    public static EditResult NotFound { get; } = new(Outcome.NotFound, null, null);

    public static EditResult Invalid(EditErrors errors) => new(Outcome.Invalid, null, errors);
}
