using AssetMap.Api.Features.Editing;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>How a change to a member ended.</summary>
internal sealed record MemberResult(MemberResult.Outcome Status, TimeBankMember? Member, EditErrors? Errors)
{
    public enum Outcome
    {
        Saved,
        Created,
        Invalid,
        Conflict,
        NotFound,
    }

    public static MemberResult NotFound { get; } = new(Outcome.NotFound, null, null);

    public static MemberResult Invalid(EditErrors errors) => new(Outcome.Invalid, null, errors);
}
