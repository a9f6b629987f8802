using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.ReadModel;

/// <summary>The one projection every surface reads through: what SQL it sends and what it never reads.</summary>
public sealed class AssetProjectionTests(SampleDatabaseFixture sample) : IClassFixture<SampleDatabaseFixture>
{
    [Fact]
    public void The_mapster_configuration_compiles_with_every_member_mapped() => AssetProjection.Config.Compile();

    [Fact]
    public async Task The_projection_is_one_statement_that_reads_no_private_column()
    {
        await using var db = sample.Database.CreateContext();
        var query = db.Assets.ToViews();

        var sql = query.ToQueryString();
        var views = await query.ToListAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(views);
        Assert.Contains(views, v => v.Activity?.Venue is not null);
        Assert.Contains(views, v => v.PcnArea is not null && v.Categories.Count > 0);
        Assert.Contains("public_location", sql, StringComparison.Ordinal);
        // The exact home, the private postcode and the boundary are never read; the street line only inside the CASE that withholds it.
        Assert.DoesNotMatch(@"\ba\.location\b", sql);
        Assert.DoesNotContain("address_postcode", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("boundary", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("search_vector", sql, StringComparison.Ordinal);
        Assert.Matches(@"THEN NULL\s+ELSE a\.address_line", sql);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sql, @"\ba\.address_line"));
        // An activity's venue (for the Open Referral feed's shared location) is a hub: its street line only when it is one.
        Assert.Matches(@"WHEN (\w+)\.kind = 'hub' THEN \1\.address_line", sql);
    }

    [Fact]
    public async Task Pcn_area_views_leave_the_boundary_in_the_database()
    {
        await using var db = sample.Database.CreateContext();

        var sql = db.PcnAreas.ToViews().ToQueryString();
        var areas = await db.PcnAreas.ToViews().ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(areas.Count >= 4);
        Assert.All(areas, a => Assert.False(string.IsNullOrEmpty(a.Name)));
        Assert.DoesNotContain("boundary", sql, StringComparison.Ordinal);
    }
}
