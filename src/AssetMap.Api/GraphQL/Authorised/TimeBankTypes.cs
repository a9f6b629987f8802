using AssetMap.Api.Features.TimeBank.Near;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace AssetMap.Api.GraphQL.Authorised;

internal sealed class TimeBankMemberNearType : ObjectGraphType<MemberNear>
{
    public TimeBankMemberNearType()
    {
        Name = "TimeBankMemberNear";
        Description = "A time-bank member as a practitioner sees them: no id, location, exact distance or contact details. Contact goes through the broker.";
        Field(m => m.DisplayName).Description("First name and last initial, e.g. \"Pat M.\".");
        Field<NonNullGraphType<DistanceBandType>>("distance").Description("How far, as a band measured from the member's ~1 km cell.").Resolve(ctx => ctx.Source.Band);
        Field<NonNullGraphType<StringGraphType>>("distanceLabel").Description("The band in words: under 1 km, 1–3 km, 3–5 km, over 5 km.").Resolve(ctx => DistanceBands.Label(ctx.Source.Band));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillType>>>>("skills").Description("What they help with, the matching skills first.").Resolve(ctx => ctx.Source.Skills);
        Field(m => m.Availability, nullable: true).Description("When they are usually free.");
        Field<NonNullGraphType<StringGraphType>>("contact").Description("Always \"Contact through the broker\".").Resolve(_ => MembersNearMappings.ContactThroughBroker);
        Field<NonNullGraphType<TimeBankBrokerType>>("broker").Description("The broker to contact about this member.").Resolve(ctx => ctx.Source.Broker);
    }
}

internal sealed class DistanceBandType : EnumerationGraphType<DistanceBand>
{
    public DistanceBandType()
    {
        Name = "DistanceBand";
        Description = "A distance band; nothing finer is given.";
    }
}

internal sealed class SkillType : ObjectGraphType<SkillRef>
{
    public SkillType()
    {
        Name = "Skill";
        Description = "A skill: a category from the taxonomy.";
        Field(s => s.Slug).Description("e.g. gardening.");
        Field(s => s.Name).Description("e.g. Gardening.");
    }
}

internal sealed class TimeBankBrokerType : ObjectGraphType<BrokerContact>
{
    public TimeBankBrokerType()
    {
        Name = "TimeBankBroker";
        Description = "A time bank's broker: practitioners reach members only through them.";
        Field(b => b.TimeBank).Description("The time bank, e.g. Thurrock Time Bank.");
        Field(b => b.Name).Description("The broker's name.");
        Field(b => b.Email, nullable: true).Description("The broker's email.");
        Field(b => b.Phone, nullable: true).Description("The broker's phone.");
    }
}

/// <summary>The members-near connection, with how far the search reaches and every broker.</summary>
internal sealed class TimeBankMemberNearConnectionType : ConnectionType<TimeBankMemberNearType, EdgeType<TimeBankMemberNearType>>
{
    public TimeBankMemberNearConnectionType()
    {
        Field<NonNullGraphType<StringGraphType>>("maxDistance").Description("How far the search reaches, e.g. 10 km.").Resolve(_ => MembersNearMappings.MaxDistance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimeBankBrokerType>>>>("brokers")
            .Description("Every time bank's broker, also when nobody matched.")
            .Resolve(ctx => ctx.Source is MembersNearConnection c ? c.Brokers : []);
    }
}

/// <summary>A page of members and the brokers to contact.</summary>
internal sealed class MembersNearConnection : global::GraphQL.Types.Relay.DataObjects.Connection<MemberNear>
{
    public IReadOnlyList<BrokerContact> Brokers { get; init; } = [];
}
