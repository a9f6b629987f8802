using System.Globalization;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;

namespace AssetMap.Api.GraphQL;

/// <summary>
/// What a document may cost, in units, decided before it runs (so a refused document sends no SQL). A field answered
/// from memory costs 1 unit per object, as GraphQL.NET counts it (multiplied by <c>first</c> on connections); a field
/// that goes to the database costs what its statements do, however small its selection: GraphQL.NET's plain count saw
/// 911 aliased <c>assets { totalCount }</c> as cheap, yet they were 1,822 statements.
/// </summary>
internal static class QueryCost
{
    /// <summary>A search: a count and a page (two statements).</summary>
    public const double Search = 500;

    /// <summary>Added to a search with <c>openOn</c>: its candidates' hours and schedules are read and evaluated in .NET.</summary>
    public const double OpenOnSurcharge = 500;

    /// <summary>One statement returning a row or a few: a detail look-up, the PCN area list, the category tree.</summary>
    public const double Lookup = 50;

    /// <summary>A PCN area's counts by kind and category.</summary>
    public const double Counts = 200;

    /// <summary>Items assumed under <c>pcnAreas</c>: a borough has a handful of PCN areas.</summary>
    public const double PcnAreasPerList = 10;

    /// <summary>The most one document may cost: twenty plain searches, or one 100-item search with everything.</summary>
    public const double MaxPerDocument = 10_000;

    /// <summary>The most all documents of one batch may cost together.</summary>
    public const double MaxPerBatch = 20_000;

    public const string ErrorCode = "QUERY_TOO_COSTLY";

    // Every field that reaches the database, by (parent type, field). Batched fields (an activity's venue, a PCN area's
    // boundary) are not here: they add one statement per tree level however many objects ask, so 1 unit per object.
    private static readonly Dictionary<(string Type, string Field), double> DatabaseFields = new()
    {
        [("Query", "assets")] = Search,
        [("Query", "hubs")] = Search,
        [("Query", "microEnterprises")] = Search,
        [("Query", "activities")] = Search,
        [("Query", "timeBankMembersNear")] = Search,
        [("Query", "timeBankMembers")] = Search,
        [("Query", "timeBankExchanges")] = Search,
        [("PcnArea", "assets")] = Search,
        [("Query", "asset")] = Lookup,
        [("Query", "node")] = Lookup,
        [("Query", "pcnArea")] = Lookup,
        [("Query", "pcnAreas")] = Lookup,
        [("Query", "postcode")] = Lookup,
        [("Query", "categories")] = Lookup,
        [("Postcode", "pcnArea")] = Lookup,
        [("PcnArea", "counts")] = Counts,
    };

    /// <summary>The per-request tally a batch shares; put in each execution's user context.</summary>
    public sealed class Tally
    {
        public const string Key = "AssetMap.QueryCost";

        public double Spent { get; set; }
    }

    public static void Configure(ComplexityOptions options)
    {
        // No MaxComplexity: Validate checks both budgets, with our code and a message naming the units.
        options.MaxComplexity = null;
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
        {
            // Introspection (GraphiQL, code generators) reads the schema, not the database: it costs nothing.
            if (context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal))
            {
                return new(0, 1);
            }

            var result = standard(context);
            if (!DatabaseFields.TryGetValue((context.ParentType.Name, context.FieldDefinition.Name), out var cost))
            {
                return result;
            }

            var openOn = context.Arguments?.TryGetValue("openOn", out var value) == true && value.Value is not null;
            var children = context.FieldDefinition.Name == "pcnAreas" ? PcnAreasPerList : result.ChildImpactMultiplier;
            return new(cost + (openOn ? OpenOnSurcharge : 0), children);
        };
        options.ValidateComplexityDelegate = Validate;
    }

    private static Task Validate(ComplexityValidationContext context)
    {
        // Too deep already (ComplexityError, code COMPLEXITY): that answer stands.
        if (context.Error is not null)
        {
            return Task.CompletedTask;
        }

        var tally = context.ValidationContext.UserContext.TryGetValue(Tally.Key, out var found) ? found as Tally : null;
        var spent = (tally?.Spent ?? 0) + context.TotalImpact;
        if (context.TotalImpact > MaxPerDocument)
        {
            context.Error = Refusal($"This document costs {Units(context.TotalImpact)} units; at most {Units(MaxPerDocument)} are accepted. "
                + "Each search costs 500, each look-up 50: ask for fewer aliases or smaller pages.");
        }
        else if (tally is not null && spent > MaxPerBatch)
        {
            context.Error = Refusal($"This batch costs {Units(spent)} units; at most {Units(MaxPerBatch)} are accepted in one request.");
        }

        if (tally is not null && context.Error is null)
        {
            tally.Spent = spent;
        }

        return Task.CompletedTask;
    }

    private static ValidationError Refusal(string message) => new(message) { Code = ErrorCode };

    private static string Units(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
