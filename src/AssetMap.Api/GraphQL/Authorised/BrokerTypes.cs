using AssetMap.Domain.TimeBank;
using GraphQL.Types;

namespace AssetMap.Api.GraphQL.Authorised;

/// <summary>A member as their broker sees them, with the balance derived from the ledger.</summary>
internal sealed record BrokerMember(TimeBankMember Member, Hours Balance);

/// <summary>An exchange with both members named by reference and display name.</summary>
internal sealed record BrokerExchange(TimeBankExchange Exchange, MemberName Giver, MemberName Receiver);

/// <summary>A member named for the ledger.</summary>
internal sealed record MemberName(Guid Id, string MemberRef, string DisplayName);

internal sealed class TimeBankMemberType : ObjectGraphType<BrokerMember>
{
    public TimeBankMemberType()
    {
        Name = "TimeBankMember";
        Description = "A time-bank member as the broker sees them (brokers and admins only).";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The member's UUID, as the broker's REST API uses it.").Resolve(ctx => ctx.Source.Member.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("memberRef").Description("The broker's reference, e.g. TB-001.").Resolve(ctx => ctx.Source.Member.MemberRef);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("First name and last initial.").Resolve(ctx => ctx.Source.Member.DisplayName);
        Field<StringGraphType>("postcodeSector").Description("The postcode sector (the full postcode is never stored).").Resolve(ctx => ctx.Source.Member.PostcodeSector);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skillsOffered").Description("Category slugs.").Resolve(ctx => ctx.Source.Member.SkillsOffered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skillsWanted").Description("Category slugs.").Resolve(ctx => ctx.Source.Member.SkillsWanted);
        Field<StringGraphType>("offerDetails").Description("What they offer, in their words.").Resolve(ctx => ctx.Source.Member.OfferDetails);
        Field<StringGraphType>("availability").Description("When they are usually free.").Resolve(ctx => ctx.Source.Member.Availability);
        Field<NonNullGraphType<StringGraphType>>("contactPreference").Description("phone, text, email, letter or in_person.").Resolve(ctx => ctx.Source.Member.ContactPreference.ToString());
        Field<StringGraphType>("contactDetails").Description("How the broker gets in touch.").Resolve(ctx => ctx.Source.Member.ContactDetails);
        Field<NonNullGraphType<StringGraphType>>("status").Description("Active, Deactivated or Left.").Resolve(ctx => ctx.Source.Member.Status.ToString());
        Field<NonNullGraphType<DecimalGraphType>>("balance").Description("Hours, derived from the ledger (negative when the member has received more than given).").Resolve(ctx => ctx.Source.Balance.Value);
    }
}

internal sealed class TimeBankExchangeType : ObjectGraphType<BrokerExchange>
{
    public TimeBankExchangeType()
    {
        Name = "TimeBankExchange";
        Description = "An exchange of hours, or a reversal of one (brokers and admins only).";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The exchange's UUID.").Resolve(ctx => ctx.Source.Exchange.Id.ToString());
        Field<NonNullGraphType<DateOnlyGraphType>>("occurredOn").Description("When the help was given.").Resolve(ctx => ctx.Source.Exchange.OccurredOn);
        Field<NonNullGraphType<DecimalGraphType>>("hours").Description("Hours, in quarter hours.").Resolve(ctx => ctx.Source.Exchange.Hours.Value);
        Field<NonNullGraphType<TimeBankMemberNameType>>("giver").Description("Who gave the help (earns the hours).").Resolve(ctx => ctx.Source.Giver);
        Field<NonNullGraphType<TimeBankMemberNameType>>("receiver").Description("Who received it (spends the hours).").Resolve(ctx => ctx.Source.Receiver);
        Field<StringGraphType>("category").Description("Category slug.").Resolve(ctx => ctx.Source.Exchange.CategorySlug);
        Field<StringGraphType>("description").Description("What was done.").Resolve(ctx => ctx.Source.Exchange.Description);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Description("Who recorded it.").Resolve(ctx => ctx.Source.Exchange.RecordedBy);
        Field<StringGraphType>("reverses").Description("The id of the exchange this one reverses.").Resolve(ctx => ctx.Source.Exchange.ReversesId?.ToString());
    }
}

internal sealed class TimeBankMemberNameType : ObjectGraphType<MemberName>
{
    public TimeBankMemberNameType()
    {
        Name = "TimeBankMemberName";
        Description = "A member named in the ledger.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The member's UUID.").Resolve(ctx => ctx.Source.Id.ToString());
        Field(m => m.MemberRef).Description("The broker's reference.");
        Field(m => m.DisplayName).Description("First name and last initial.");
    }
}
