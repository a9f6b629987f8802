using AssetMap.TestSupport;
using System.Data.Common;
using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AssetMap.Api.Tests.Persistence;

/// <summary>
/// On a generated 100,000-asset database (clustered around 150 towns, as a national deployment would be, with
/// hubs' opening days, activities' schedules, categories and review dates), every statement the search service
/// really sends for each search shape reads assets through an index, for the filter and for the order: never a
/// sequential scan of assets, and never a sort of every match when the order has an index.
/// </summary>
public sealed partial class SearchPlanTests(SearchPlanTests.Fixture fixture) : IClassFixture<SearchPlanTests.Fixture>
{
    private static readonly NetTopologySuite.Geometries.Point TownCentre = Geo.Point(-1.0, 52.0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Fixture : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync();
            await using var setup = Database.CreateContext();
            setup.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            await setup.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO pcn_areas (code, name, locality, boundary)
                VALUES ('P00001', 'Plan test PCN', 'Anytown', ST_Multi(ST_MakeEnvelope(-1.1, 51.9, -0.9, 52.1, 4326)));
                INSERT INTO categories (id, slug, name, parent_id, synonyms)
                SELECT ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, 'category-' || g, CASE WHEN g = 1 THEN 'Lunch clubs' ELSE 'Category ' || g END, NULL, ARRAY[]::text[]
                FROM generate_series(1, 20) AS g;
                WITH towns AS (
                    SELECT t, -2.8 + (t % 15) * 0.28 AS lon, 50.8 + (t / 15) * 0.36 AS lat FROM generate_series(0, 149) AS t),
                generated AS (
                    SELECT g, CASE WHEN g % 10 < 3 THEN 'hub' WHEN g % 10 < 7 THEN 'micro_enterprise' ELSE 'activity' END AS kind,
                           ST_SetSRID(ST_MakePoint(
                               CASE WHEN g % 150 = 0 THEN -1.0 ELSE towns.lon END + (random() + random() + random() - 1.5) * 0.09,
                               CASE WHEN g % 150 = 0 THEN 52.0 ELSE towns.lat END + (random() + random() + random() - 1.5) * 0.06), 4326)::geography AS p
                    FROM generate_series(1, 100000) AS g JOIN towns ON towns.t = g % 150)
                INSERT INTO assets (id, kind, slug, name, summary, location, public_location, wheelchair_accessible, status,
                                    last_verified_at, created_at, updated_at, address_town, facilities, opening_hours, open_days,
                                    home_based, shows_home_location, accepts_direct_payments, services, provider, referral, schedule_first_start, schedule_duration,
                                    schedule_rule, session_pattern, session_month_week, session_every_weeks, session_week_phase, pcn_area_code)
                SELECT gen_random_uuid(), kind, 'generated-' || g,
                       (ARRAY['Riverside','Oak Lane','Market','Victoria','Abbey'])[1 + g % 5] || ' '
                           || (ARRAY['lunch club','walking group','cafe','art class','handyperson','gardening','befriending','yoga',
                                     'book club','bowls','tai chi','knit and natter','food bank','pet sitting','cleaning','foot care',
                                     'memory cafe','digital help','carers cafe','choir'])[1 + g % 20],
                       'For the plan test', p, p, g % 2 = 0, 'published',
                       now() - (g % 900) * interval '1 day', now() - interval '3 years', now(), 'Anytown', ARRAY[]::text[],
                       CASE WHEN kind = 'hub' THEN 'Mo-Fr 09:00-17:00' END,
                       CASE kind WHEN 'hub' THEN 31 WHEN 'activity' THEN 1 << (g % 7) ELSE 0 END,
                       CASE WHEN kind = 'micro_enterprise' THEN false END, CASE WHEN kind = 'micro_enterprise' THEN true END,
                       CASE WHEN kind = 'micro_enterprise' THEN false END, CASE WHEN kind = 'micro_enterprise' THEN ARRAY['Help'] END,
                       CASE WHEN kind = 'activity' THEN 'Provider' END, CASE WHEN kind = 'activity' THEN 'self_referral' END,
                       CASE WHEN kind = 'activity' THEN timestamp '2025-01-06 10:00' + (g % 7) * interval '1 day' END,
                       CASE WHEN kind = 'activity' THEN interval '2 hours' END,
                       CASE WHEN kind = 'activity' THEN 'FREQ=WEEKLY;' || CASE WHEN g % 50 = 7 THEN 'INTERVAL=2;' ELSE '' END
                           || 'BYDAY=' || (ARRAY['MO','TU','WE','TH','FR','SA','SU'])[1 + g % 7] END,
                       CASE WHEN kind = 'activity' THEN CASE WHEN g % 50 = 0 THEN 0 WHEN g % 50 = 7 THEN 2 ELSE 1 END END, NULL,
                       CASE WHEN kind = 'activity' AND g % 50 = 7 THEN 2 END,
                       CASE WHEN kind = 'activity' AND g % 50 = 7 THEN ((date '2025-01-06' + g % 7 - date '2001-01-01' + 730485) / 7) % 2 END,
                       CASE WHEN g % 150 = 0 AND g % 4 = 0 THEN 'P00001' END
                FROM generated;
                INSERT INTO asset_categories (asset_id, category_id)
                SELECT a.id, c.id FROM assets a JOIN categories c ON c.slug = 'category-' || (1 + abs(hashtext(a.slug)) % 20);
                """, Ct);
            await setup.Database.ExecuteSqlRawAsync("VACUUM ANALYZE assets", Ct);
            await setup.Database.ExecuteSqlRawAsync("VACUUM ANALYZE asset_categories", Ct);
        }

        public async ValueTask DisposeAsync() => await Database.DisposeAsync();
    }

    public static TheoryData<string> Shapes => [.. ShapeCriteria.Keys];

    private static readonly Dictionary<string, AssetSearchCriteria> ShapeCriteria = new()
    {
        ["point 2 km"] = new() { Near = TownCentre, RadiusMetres = 2_000 },
        ["point 10 km"] = new() { Near = TownCentre, RadiusMetres = 10_000 },
        ["point 50 km, page 20"] = new() { Near = TownCentre, RadiusMetres = 50_000, Page = 20 },
        ["no filter, page 1"] = new(),
        ["no filter, page 100"] = new() { Page = 100 }, // 2% in, as page 500 is at 1,000,000

        ["q"] = new() { Text = "lunch" },
        ["q, typo"] = new() { Text = "lunchh" },
        ["q, category name only"] = new() { Text = "category 7" },
        ["q, 5 km"] = new() { Text = "lunch", Near = TownCentre, RadiusMetres = 5_000 },
        ["q common, 50 km"] = new() { Text = "riverside", Near = TownCentre, RadiusMetres = 50_000 },
        ["openOn weekday"] = new() { OpenOn = new OpenOn(DayOfWeek.Tuesday, null) },
        ["openOn weekday, 10 km"] = new() { OpenOn = new OpenOn(DayOfWeek.Tuesday, null), Near = TownCentre, RadiusMetres = 10_000 },
        ["openOn date, 10 km"] = new() { OpenOn = new OpenOn(DayOfWeek.Wednesday, new DateOnly(2026, 12, 9)), Near = TownCentre, RadiusMetres = 10_000 },
        ["pcn"] = new() { PcnCode = "P00001" },
        ["kind, free, accessible"] = new() { Kinds = [AssetKind.Hub], AccessibleOnly = true },
        ["pcn, category"] = new() { PcnCode = "P00001", CategoryIds = [Category(2)] },
        ["accessible, 5 km"] = new() { AccessibleOnly = true, Near = TownCentre, RadiusMetres = 5_000 },
        ["category, 10 km"] = new() { CategoryIds = [Category(3)], Near = TownCentre, RadiusMetres = 10_000 },
    };

    // The fixture's category ids: 00000000-0000-0000-0000-00000000000n for 'category-n'.
    private static Guid Category(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}", System.Globalization.CultureInfo.InvariantCulture);

    // Near a point with a filter the page and the capped count run with sorting and bitmap scans off (SET LOCAL in
    // AssetSearch.WalkAsync), so the page is a walk of the GiST index; with text only the page's walk does. A PCN area
    // has an index of its own and is left to the planner.
    private static bool Filtered(AssetSearchCriteria c) =>
        c.Near is not null && c.PcnCode is null
        && (c.Text is not null || c.CategoryIds.Count > 0 || c.FreeOnly || c.AccessibleOnly || c.Kinds.Count > 0 || c.OpenOn is not null);

    private static bool InWalk(AssetSearchCriteria c, string sql) =>
        Filtered(c) && (c.Text is null || sql.Contains("ORDER BY a.public_location <->", StringComparison.Ordinal));

    private static bool Walks(AssetSearchCriteria c, string sql) =>
        InWalk(c, sql) && sql.Contains("ORDER BY a.public_location <->", StringComparison.Ordinal);

    // Candidate statements (tiers read) per text shape without a place: a common word in names needs one; a typo
    // is settled by the similar-names tier; a word only in category names reads every tier.
    private static readonly Dictionary<string, int> ExpectedTiers = new() { ["q"] = 1, ["q, typo"] = 2, ["q, category name only"] = 4 };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_statement_of_the_shape_reads_assets_by_index(string shape)
    {
        var capture = new CommandCapture();
        await using var db = fixture.Database.CreateContext(o => o.AddInterceptors(capture));
        var search = new AssetSearch(db, TimeProvider.System);

        var page = await search.SearchAsync(ShapeCriteria[shape], Ct);

        Assert.NotEmpty(page.Items);
        var statements = capture.Commands.Where(c => c.CommandText.Contains("FROM assets", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(statements);
        await db.Database.OpenConnectionAsync(Ct);
        foreach (var command in statements)
        {
            var walk = Walks(ShapeCriteria[shape], command.CommandText);
            await db.Database.ExecuteSqlRawAsync(InWalk(ShapeCriteria[shape], command.CommandText)
                ? "SET enable_sort = off; SET enable_bitmapscan = off" : "RESET enable_sort; RESET enable_bitmapscan", Ct);
            var plan = await ExplainAsync(db.Database.GetDbConnection(), command);
            if (walk)
            {
                Assert.Contains("Order By: (public_location <->", plan, StringComparison.Ordinal);
                Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
            }

            // A PCN area's entries come from its own index in name order (the planner used to start from the category).
            if (ShapeCriteria[shape].PcnCode is not null && command.CommandText.Contains("ORDER BY a.name", StringComparison.Ordinal))
            {
                Assert.Contains("ix_assets_pcn_area_code_name_id", plan, StringComparison.Ordinal);
            }

            TestContext.Current.TestOutputHelper?.WriteLine(plan + "\n");
            // A capped count may read the table from the start: it stops at 1,001 rows (the Limit), whatever matches.
            if (!command.CommandText.StartsWith("SELECT count(*)", StringComparison.Ordinal) || !plan.Contains("Limit", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("Seq Scan on assets", plan, StringComparison.Ordinal);
                Assert.Contains("Index", plan, StringComparison.Ordinal);
            }

            // Text: each tier of candidates comes from its own GIN index (stopping at the limit; near a point, with the
            // GiST index for the disk); without a place relevance ranks only those candidates, found by primary key.
            if (ShapeCriteria[shape] is { Text: not null })
            {
                if (command.CommandText.Contains("ts_rank", StringComparison.Ordinal))
                {
                    Assert.Contains("pk_assets", plan, StringComparison.Ordinal);
                    Assert.All(SortedRows().Matches(plan).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
                        rows => Assert.True(rows <= AssetSearch.ExactCountLimit + 1, $"ranks about {rows} rows:\n{plan}"));
                }
                else if (command.CommandText.Contains("@@", StringComparison.Ordinal) && !command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
                {
                    Assert.Contains("ix_assets_search_vector", plan, StringComparison.Ordinal);
                }
                else if (command.CommandText.Contains("<%", StringComparison.Ordinal) && !command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
                {
                    Assert.Contains("ix_assets_name_trgm", plan, StringComparison.Ordinal);
                }
            }
        }

        // The search itself switched sorting off for its walk (the EXPLAINs above only replay that setting).
        if (statements.Any(c => Walks(ShapeCriteria[shape], c.CommandText)))
        {
            Assert.Contains(capture.Commands, c => c.CommandText.Contains("SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off", StringComparison.Ordinal));
        }

        if (ShapeCriteria[shape] is { Text: not null, Near: null })
        {
            // The first tier (words in the name) settles a common word: one candidate statement, then the ranking.
            Assert.Contains(statements, c => c.CommandText.Contains("ts_rank", StringComparison.Ordinal));
            Assert.Equal(ExpectedTiers[shape], statements.Count(c => c.CommandText.Contains("LIMIT", StringComparison.Ordinal)
                && !c.CommandText.Contains("ORDER BY", StringComparison.Ordinal) && !c.CommandText.Contains("count(*)", StringComparison.Ordinal)));
        }

        // The page's ids come in index order (GiST KNN or the name btree), or from a sort of a few rows an index
        // already found (a PCN area, a selective filter): never a sort of every match. Relevance is the exception.
        var ordered = statements.Where(c => c.CommandText.Contains("ORDER BY a.public_location <->", StringComparison.Ordinal)
            || c.CommandText.Contains("ORDER BY a.name", StringComparison.Ordinal)).ToList();
        if (ShapeCriteria[shape] is { Text: null })
        {
            Assert.NotEmpty(ordered);
            Assert.All(ordered, command => Assert.All(
                SortedRows().Matches(command.Plan!).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
                rows => Assert.True(rows <= 1_000, $"sorts about {rows} rows:\n{command.Plan}")));
        }

        if (ShapeCriteria[shape] is { Text: not null, Near: not null })
        {
            // A few hundred matches within 5 km: every one is a candidate, so the page is ordered from their distances.
            // More than the cap within 50 km: the count comes from the candidates, the page from a KNN walk.
            var knn = ordered.Where(c => c.CommandText.Contains("ORDER BY a.public_location <->", StringComparison.Ordinal)).ToList();
            if (shape == "q common, 50 km")
            {
                Assert.Contains("Order By: (public_location <->", Assert.Single(knn).Plan!, StringComparison.Ordinal);
                Assert.DoesNotContain("Sort", knn[0].Plan!, StringComparison.Ordinal);
            }
            else
            {
                Assert.Empty(knn);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Sort  \(cost=[0-9.]+ rows=(\d+)")]
    private static partial System.Text.RegularExpressions.Regex SortedRows();

    [Fact]
    public async Task Deep_pages_skip_through_the_covering_name_index_without_reading_rows()
    {
        var capture = new CommandCapture();
        await using var db = fixture.Database.CreateContext(o => o.AddInterceptors(capture));
        await new AssetSearch(db, TimeProvider.System).SearchAsync(new AssetSearchCriteria { Page = 100 }, Ct);

        await db.Database.OpenConnectionAsync(Ct);
        var ids = capture.Commands.First(c => c.CommandText.Contains("ORDER BY a.name", StringComparison.Ordinal));
        var plan = await ExplainAsync(db.Database.GetDbConnection(), ids);
        Assert.Contains("Index Only Scan using ix_assets_name_id", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(DbConnection connection, CapturedCommand command)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN " + command.CommandText;
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        command.Plan = string.Join('\n', lines);
        return command.Plan;
    }

    private sealed record CapturedCommand(string CommandText, IReadOnlyList<NpgsqlParameter> Parameters)
    {
        public string? Plan { get; set; }
    }

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<CapturedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new CapturedCommand(command.CommandText, []));
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
