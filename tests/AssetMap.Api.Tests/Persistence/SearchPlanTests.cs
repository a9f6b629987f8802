using AssetMap.TestSupport;
using System.Data.Common;
using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Spatial;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AssetMap.Api.Tests.Persistence;

/// <summary>
/// On a generated 100,000-asset database (spread over England, as a national deployment would be), the SQL the search
/// service really sends must use the GiST index for the point search, never a sequential scan of assets.
/// </summary>
public sealed class SearchPlanTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_point_search_uses_the_gist_index_on_a_large_database()
    {
        await using (var setup = fixture.Database.CreateContext())
        {
            setup.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            await setup.Database.ExecuteSqlRawAsync(
                """
                WITH points AS (
                    SELECT g, ST_SetSRID(ST_MakePoint(-5.5 + random() * 7.2, 50.0 + random() * 5.5), 4326)::geography AS p
                    FROM generate_series(1, 100000) AS g)
                INSERT INTO assets (id, kind, slug, name, summary, location, public_location, wheelchair_accessible, status,
                                    created_at, updated_at, address_town, facilities)
                SELECT gen_random_uuid(), 'hub', 'generated-' || g, 'Generated hub ' || g, 'For the plan test', p, p, g % 2 = 0,
                       'published', now(), now(), 'Anytown', ARRAY[]::text[]
                FROM points;
                ANALYZE assets;
                """, Ct);
        }

        var capture = new CommandCapture();
        await using var db = fixture.Database.CreateContext(o => o.AddInterceptors(capture));
        var search = new AssetSearch(db, TimeProvider.System);

        var page = await search.SearchAsync(new AssetSearchCriteria { Near = Geo.Point(0.3245, 51.4782), RadiusMetres = 2_000 }, Ct);

        var spatial = capture.Commands.Where(c => c.CommandText.Contains("ST_DWithin", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, spatial.Count); // the count and the page
        await db.Database.OpenConnectionAsync(Ct);
        foreach (var command in spatial)
        {
            var plan = await ExplainAsync(db.Database.GetDbConnection(), command);
            TestContext.Current.TestOutputHelper?.WriteLine(plan);
            Assert.Contains("ix_assets_public_location", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan on assets", plan, StringComparison.Ordinal);
        }

        Assert.True(page.TotalCount < 100, "a 2 km search over England should find few of the generated assets");
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

        return string.Join('\n', lines);
    }

    private sealed record CapturedCommand(string CommandText, IReadOnlyList<NpgsqlParameter> Parameters);

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<CapturedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
