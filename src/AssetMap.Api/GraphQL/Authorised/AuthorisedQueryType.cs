using System.Text;
using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.TimeBank.Near;
using AssetMap.Api.GraphQL.Types;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace AssetMap.Api.GraphQL.Authorised;

/// <summary>
/// The signed-in schema's query: every public field (it derives from the public <see cref="QueryType"/>) plus time-bank
/// members near a person, answered by the same <see cref="MembersNear"/> service as REST and the page.
/// </summary>
internal sealed class AuthorisedQueryType : QueryType
{
    public AuthorisedQueryType()
    {
        Description = "For signed-in practitioners, brokers and admins: everything the public schema has, plus time-bank members near a person (banded, through the broker).";

        Connection<TimeBankMemberNearType, EdgeType<TimeBankMemberNearType>, TimeBankMemberNearConnectionType>("timeBankMembersNear")
            .Description($"Active time-bank members within {MembersNearMappings.MaxDistance} of a person who offer a skill: nearest band first, then by name. Give postcode or near.")
            .Argument<StringGraphType>("postcode", "The person's full postcode, any case or spacing (not with near).")
            .Argument<PointInputType>("near", "The person's point (not with postcode).")
            .Argument<StringGraphType>("skill", "A category slug, e.g. gardening; a top-level category includes its subcategories.")
            .PageSize(MembersNearQuery.DefaultPageSize)
            .ResolveAsync(async ctx => await ResolveNearAsync(ctx));

        // Broker-only fields: field-level authorisation (FieldPolicyRule) inside the signed-in schema.
        var members = Connection<TimeBankMemberType>("timeBankMembers")
            .Description("Brokers and admins only: members by reference then name, with balances.")
            .Argument<StringGraphType>("text", "Part of a name or reference.")
            .Argument<StringGraphType>("skill", "A category slug the member offers.")
            .Argument<StringGraphType>("status", "active, deactivated or left.")
            .PageSize(MembersNearQuery.DefaultPageSize)
            .ResolveAsync(async ctx => await BrokerQueries.MembersAsync(ctx));
        members.FieldType.AuthorizeWithPolicy(AuthPolicies.Broker);
        var exchanges = Connection<TimeBankExchangeType>("timeBankExchanges")
            .Description("Brokers and admins only: exchanges and reversals, newest first.")
            .Argument<StringGraphType>("member", "Only exchanges this member (UUID) gave or received.")
            .PageSize(MembersNearQuery.DefaultPageSize)
            .ResolveAsync(async ctx => await BrokerQueries.ExchangesAsync(ctx));
        exchanges.FieldType.AuthorizeWithPolicy(AuthPolicies.Broker);
    }

    private static async Task<object?> ResolveNearAsync(IResolveConnectionContext ctx)
    {
        var errors = new ParameterErrors();
        var offset = ctx.After is { } after ? OffsetOf(after, errors) : 0;
        var near = ctx.GetArgument<GeoPoint?>("near");
        var (page, checkErrors) = await ctx.RequestServices!.GetRequiredService<MembersNear>().FindAsync(
            new MembersNearQuery
            {
                Postcode = ctx.GetArgument<string?>("postcode"),
                Latitude = near?.Latitude,
                Longitude = near?.Longitude,
                Skill = ctx.GetArgument<string?>("skill"),
                PageSize = ctx.First ?? MembersNearQuery.DefaultPageSize,
                Offset = offset,
            },
            MembersNearFieldNames.GraphQL,
            ctx.CancellationToken);
        if (page is null || errors.Any)
        {
            throw AssetConnections.BadUserInput(errors.Any ? errors : checkErrors);
        }

        var edges = page.Items.Select((m, i) => new Edge<MemberNear> { Cursor = CursorOf(offset + i), Node = m }).ToList();
        return new MembersNearConnection
        {
            TotalCount = page.TotalCount,
            Edges = edges,
            Brokers = page.Brokers,
            PageInfo = new PageInfo
            {
                HasNextPage = offset + edges.Count < page.TotalCount,
                HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    private const string CursorPrefix = "member-offset:";

    internal static string CursorOf(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static int OffsetOf(string cursor, ParameterErrors errors)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text[CursorPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < MembersNearQuery.MaxOffset)
            {
                return index + 1;
            }
        }
        catch (FormatException)
        {
        }

        errors.Add("after", "after is not a cursor this API gave out.");
        return 0;
    }
}

/// <summary>
/// The signed-in schema, served at <c>/graphql/authorised</c> to the Practitioner policy only. A separate schema rather
/// than field authorisation inside the public one: the anonymous schema (and its committed SDL) cannot even name a
/// member type, so no resolver, introspection or error message on <c>/graphql</c> can reveal one.
/// </summary>
internal sealed class AuthorisedSchema : Schema
{
    public AuthorisedSchema(IServiceProvider services, AuthorisedQueryType query)
        : base(services)
    {
        Query = query;
        Description = "AssetMap for signed-in practitioners: the public schema plus time-bank members near a person.";
        RegisterTypes(typeof(HubType), typeof(MicroEnterpriseType), typeof(SocialPrescribingActivityType), typeof(PcnAreaType));
    }
}
