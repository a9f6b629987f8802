using AssetMap.Domain.Assets;
using AssetMap.Domain.TimeBank;
using AssetMap.Import.Seeding;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetMap.Import.Tests.Seeding;

public sealed class SampleDataTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_of_every_sample_file_is_loaded()
    {
        await using var db = fixture.Database.CreateContext();

        Assert.Equal(CsvRows("hubs.csv"), await db.Hubs.CountAsync(Ct));
        Assert.Equal(CsvRows("micro-enterprises.csv"), await db.MicroEnterprises.CountAsync(Ct));
        Assert.Equal(CsvRows("activities.csv"), await db.Activities.CountAsync(Ct));
        Assert.Equal(CsvRows("postcodes.csv"), await db.Postcodes.CountAsync(Ct));
        Assert.Equal(CsvRows("categories.csv"), await db.Categories.CountAsync(Ct));
        Assert.Equal(CsvRows("time-bank-members.csv"), await db.TimeBankMembers.CountAsync(Ct));
        Assert.Equal(CsvRows("time-bank-exchanges.csv"), await db.TimeBankExchanges.CountAsync(Ct));
        Assert.Equal(4, await db.PcnAreas.CountAsync(Ct));
    }

    [Fact]
    public async Task Loading_again_changes_nothing()
    {
        await using var db = fixture.Database.CreateContext();
        var before = await CountsAsync(db);

        var loaded = await new SampleDataLoader(db, NullLogger<SampleDataLoader>.Instance).LoadIfEmptyAsync(SeedData.Directory, Ct);

        Assert.False(loaded);
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task The_sample_is_shaped_like_thurrock()
    {
        await using var db = fixture.Database.CreateContext();
        var published = db.Assets.Where(a => a.Status == AssetStatus.Published);

        Assert.Equal(
            ["Aveley, South Ockendon and Purfleet", "Grays", "Stanford-le-Hope and Corringham", "Tilbury and Chadwell"],
            await db.PcnAreas.Select(p => p.Locality).OrderBy(l => l).ToListAsync(Ct));
        Assert.True(await published.CountAsync(a => a.Kind == AssetKind.Hub, Ct) >= 6);
        Assert.True(await published.CountAsync(a => a.Kind == AssetKind.MicroEnterprise, Ct) >= 40);
        Assert.True(await published.CountAsync(a => a.Kind == AssetKind.Activity, Ct) >= 30);
        Assert.True(await db.MicroEnterprises.SelectMany(m => m.Categories).Select(c => c.Id).Distinct().CountAsync(Ct) >= 10);
        Assert.Equal(50, await db.TimeBankMembers.CountAsync(Ct));
        Assert.Equal(100, await db.TimeBankExchanges.CountAsync(Ct));
        Assert.Contains(await db.Assets.Select(a => a.Status).Distinct().ToListAsync(Ct), s => s == AssetStatus.Draft);
    }

    [Fact]
    public async Task Every_asset_lies_in_the_pcn_area_of_its_town()
    {
        await using var db = fixture.Database.CreateContext();
        var localities = await db.PcnAreas.ToDictionaryAsync(p => p.Code, p => p.Locality, Ct);
        var assets = await db.Assets.AsNoTracking().Select(a => new { a.Name, a.Address.Town, a.PcnAreaCode }).ToListAsync(Ct);

        Assert.All(assets, a =>
        {
            Assert.NotNull(a.PcnAreaCode);
            Assert.Equal(SampleTowns.Locality(a.Town), localities[a.PcnAreaCode]);
        });
    }

    [Fact]
    public async Task Every_postcode_is_placed_in_the_right_town()
    {
        await using var db = fixture.Database.CreateContext();
        var towns = SampleCsv.Read(Path.Combine(SeedData.Directory, "postcodes.csv"))
            .ToDictionary(r => r.Required("Postcode"), r => r.Required("Town"));
        var placed = await db.Database.SqlQueryRaw<PostcodeArea>(
            """
            SELECT pc.postcode, p.locality
            FROM postcodes pc LEFT JOIN pcn_areas p ON ST_Covers(p.boundary, pc.location::geometry)
            """).ToListAsync(Ct);

        Assert.Equal(towns.Count, placed.Count);
        Assert.All(placed, p => Assert.Equal(SampleTowns.Locality(towns[p.Postcode]), p.Locality));
    }

    [Fact]
    public async Task The_time_bank_ledger_balances_to_zero()
    {
        await using var db = fixture.Database.CreateContext();
        var exchanges = await db.TimeBankExchanges.AsNoTracking().ToListAsync(Ct);

        var balances = TimeBankLedger.Balances(exchanges);
        var sqlBalances = await db.Database.SqlQueryRaw<MemberBalance>(
            """
            SELECT member_id, SUM(quarters)::int AS quarters FROM (
                SELECT giver_id AS member_id, quarter_hours AS quarters FROM time_bank_exchanges
                UNION ALL SELECT receiver_id, -quarter_hours FROM time_bank_exchanges) moves
            GROUP BY member_id
            """).ToListAsync(Ct);

        Assert.Equal(0, balances.Values.Sum(h => h.Quarters));
        Assert.Equal(0, sqlBalances.Sum(b => b.Quarters));
        Assert.All(sqlBalances, b => Assert.Equal(balances[b.MemberId].Quarters, b.Quarters));
        Assert.Equal(CsvHoursTotal(), exchanges.Sum(e => e.Hours.Value));
    }

    [Fact]
    public async Task Time_bank_members_keep_no_exact_home_location()
    {
        await using var db = fixture.Database.CreateContext();
        var postcodePoints = await db.Postcodes.Select(p => p.Location).ToListAsync(Ct);
        var members = await db.TimeBankMembers.AsNoTracking().ToListAsync(Ct);

        Assert.All(members, m =>
        {
            Assert.DoesNotContain(postcodePoints, p => p.EqualsExact(m.CoarseLocation));
            Assert.Matches(@"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]$", m.PostcodeSector);
        });
    }

    [Fact]
    public async Task Sample_contacts_are_fictional()
    {
        await using var db = fixture.Database.CreateContext();
        var contacts = await db.Assets.AsNoTracking().Select(a => a.Contact).ToListAsync(Ct);

        Assert.All(contacts, c =>
        {
            Assert.Matches(@"^01632 960\d{3}$", c.Phone ?? "01632 960000");
            Assert.EndsWith("@example.org", c.Email ?? "@example.org", StringComparison.Ordinal);
            Assert.StartsWith("https://example.org/", c.Website ?? "https://example.org/", StringComparison.Ordinal);
        });
    }

    private static int CsvRows(string file) => SampleCsv.Read(Path.Combine(SeedData.Directory, file)).Count;

    private static decimal CsvHoursTotal() =>
        SampleCsv.Read(Path.Combine(SeedData.Directory, "time-bank-exchanges.csv"))
            .Sum(r => decimal.Parse(r.Required("Hours"), System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<(int Assets, int Categories, int Postcodes, int Members, int Exchanges, int Pcns)> CountsAsync(
        Domain.Persistence.AssetMapDbContext db) =>
        (await db.Assets.CountAsync(Ct), await db.Categories.CountAsync(Ct), await db.Postcodes.CountAsync(Ct),
         await db.TimeBankMembers.CountAsync(Ct), await db.TimeBankExchanges.CountAsync(Ct), await db.PcnAreas.CountAsync(Ct));

    private sealed record PostcodeArea(string Postcode, string? Locality);

    private sealed record MemberBalance(Guid MemberId, int Quarters);
}
