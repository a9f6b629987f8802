using AssetMap.Api.Features.Assets.ReadModel;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL.Types;

internal sealed class VerificationType : ObjectGraphType<Verification>
{
    public VerificationType()
    {
        Name = "Verification";
        Description = "How fresh an entry is: each kind has a review interval, counted from the entry's last check.";
        Field<NonNullGraphType<VerificationStateType>>("state").Description("Fresh, due soon, overdue, or unverified (details may be out of date).").Resolve(ctx => ctx.Source.State);
        Field<DateTimeOffsetGraphType>("lastVerifiedAt").Description("When it was last checked; null if never (the interval then runs from its creation).").Resolve(ctx => ctx.Source.LastVerifiedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("dueAt").Description("When it is due for review.").Resolve(ctx => ctx.Source.DueAt);
    }
}

internal sealed class VerificationStateType : EnumerationGraphType<VerificationState>
{
    public VerificationStateType()
    {
        Name = "VerificationState";
        Description = "Where an entry stands against its review interval.";
        AssetKindType.Describe(this, new()
        {
            [VerificationState.Fresh] = "Checked within its interval.",
            [VerificationState.Due] = "Falls due for review soon.",
            [VerificationState.Overdue] = "Past its review date: ranked below fresh entries.",
            [VerificationState.Unverified] = "Overdue so long it left search: details may be out of date.",
        });
    }
}

internal sealed class EvidenceType : ObjectGraphType<EvidenceItem>
{
    public EvidenceType()
    {
        Name = "Evidence";
        Description = "One piece of a micro-enterprise's evidence with its date, flagged when expired or expiring soon.";
        Field<NonNullGraphType<EvidenceKindType>>("kind").Description("Which evidence.").Resolve(ctx => ctx.Source.Kind);
        Field<DateOnlyGraphType>("date").Description("The date on record: DBS check date, insurance expiry, or when the CQC registration was confirmed.").Resolve(ctx => ctx.Source.Date);
        Field<DateOnlyGraphType>("expiresOn").Description("When it expires or goes stale.").Resolve(ctx => ctx.Source.ExpiresOn);
        Field<NonNullGraphType<EvidenceStateType>>("state").Description("Valid, expiring soon, expired, or no date recorded.").Resolve(ctx => ctx.Source.State);
        Field<StringGraphType>("reference").Description("The CQC registration id.").Resolve(ctx => ctx.Source.Reference);
    }
}

internal sealed class EvidenceKindType : EnumerationGraphType<EvidenceKind>
{
    public EvidenceKindType()
    {
        Name = "EvidenceKind";
        Description = "Which piece of evidence.";
        AssetKindType.Describe(this, new()
        {
            [EvidenceKind.DbsCheck] = "The latest DBS check (stale after a configured age).",
            [EvidenceKind.PublicLiabilityInsurance] = "Public liability insurance, until its expiry.",
            [EvidenceKind.CqcRegistration] = "CQC registration, where regulated (re-confirmed periodically).",
        });
    }
}

internal sealed class EvidenceStateType : EnumerationGraphType<EvidenceState>
{
    public EvidenceStateType()
    {
        Name = "EvidenceState";
        Description = "How a piece of evidence stands today.";
        AssetKindType.Describe(this, new()
        {
            [EvidenceState.Valid] = "In date.",
            [EvidenceState.ExpiringSoon] = "Expires soon.",
            [EvidenceState.Expired] = "Expired.",
            [EvidenceState.NoDate] = "No date recorded.",
        });
    }
}
