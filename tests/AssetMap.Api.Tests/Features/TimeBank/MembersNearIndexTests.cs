using System.Data.Common;
using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Postcodes;
using AssetMap.Api.Features.TimeBank.Near;
using AssetMap.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>
/// The members-near query can use the indexes made for it (GiST on coarse_location, GIN on skills_offered): each
/// statement the service sends is explained, with sequential scans priced out so the planner shows what it can use
/// (on 50 rows it would rightly scan the table).
/// </summary>
public sealed class MembersNearIndexTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(null, "ix_time_bank_members_coarse_location")]
    [InlineData("gardening", "ix_time_bank_members_")]
    public async Task The_search_is_served_by_an_index(string? skill, string index)
    {
        var ct = TestContext.Current.CancellationToken;
        var explain = new ExplainInterceptor();
        await using var db = api.Database.CreateContext(o => o.AddInterceptors(explain));
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off", ct);

        var near = new MembersNear(db, new AssetSearchValidator(db, new PostcodeLookup(db)));
        var (page, errors) = await near.FindAsync(new MembersNearQuery { Latitude = 51.48, Longitude = 0.33, Skill = skill }, MembersNearFieldNames.Rest, ct);
        Assert.False(errors.Any, errors.Summary);
        Assert.NotEmpty(page!.Items);

        var plans = explain.Plans.Where(p => p.Sql.Contains("FROM time_bank_members", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, plans.Count); // the count and the page
        Assert.All(plans, p => Assert.True(p.Plan.Contains(index, StringComparison.Ordinal), $"no {index} in the plan of\n{p.Sql}\n{p.Plan}"));
    }

    /// <summary>Explains each query on the same connection, with the same parameters, just before it runs.</summary>
    private sealed class ExplainInterceptor : DbCommandInterceptor
    {
        public List<(string Sql, string Plan)> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
#pragma warning disable CA2100 // The text is EF's own statement, explained as it is.
            explain.CommandText = "EXPLAIN " + command.CommandText;
#pragma warning restore CA2100
            foreach (var parameter in command.Parameters.Cast<Npgsql.NpgsqlParameter>())
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            Plans.Add((command.CommandText, string.Join("\n", lines)));
            return result;
        }
    }
}
