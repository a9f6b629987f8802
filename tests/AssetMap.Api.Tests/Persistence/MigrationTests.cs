using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Persistence;

public sealed class MigrationTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("assets", "ix_assets_location", "gist")]
    [InlineData("assets", "ix_assets_public_location", "gist")]
    [InlineData("assets", "ix_assets_service_area", "gist")]
    [InlineData("assets", "ix_assets_search_vector", "gin")]
    [InlineData("assets", "ix_assets_name_trgm", "gin")]
    [InlineData("pcn_areas", "ix_pcn_areas_boundary", "gist")]
    [InlineData("postcodes", "ix_postcodes_location", "gist")]
    [InlineData("time_bank_members", "ix_time_bank_members_coarse_location", "gist")]
    [InlineData("assets", "ix_assets_slug", "btree")]
    [InlineData("assets", "ix_assets_status_kind", "btree")]
    [InlineData("assets", "ix_assets_pcn_area_code_name_id", "btree")]
    [InlineData("categories", "ix_categories_slug", "btree")]
    [InlineData("time_bank_exchanges", "ix_time_bank_exchanges_giver_id", "btree")]
    public async Task Indexes_exist_after_migration(string table, string index, string method)
    {
        await using var db = fixture.Database.CreateContext();

        var definitions = await db.Database
            .SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = 'public' AND tablename = {table} AND indexname = {index}")
            .ToListAsync(Ct);

        var definition = Assert.Single(definitions);
        Assert.Contains($"USING {method}", definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slugs_are_unique()
    {
        await using var db = fixture.Database.CreateContext();

        var definition = await db.Database
            .SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'ix_assets_slug'").SingleAsync(Ct);

        Assert.StartsWith("CREATE UNIQUE INDEX", definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locations_are_geography_and_boundaries_geometry_all_in_srid_4326()
    {
        await using var db = fixture.Database.CreateContext();

        var columns = await db.Database.SqlQuery<string>(
            $"""
            SELECT f_table_name || '.' || f_geography_column || ':' || type || ':' || srid AS "Value" FROM geography_columns
            UNION ALL
            SELECT f_table_name || '.' || f_geometry_column || ':' || type || ':' || srid FROM geometry_columns
            """).ToListAsync(Ct);

        Assert.Equal(
            ["assets.location:Point:4326", "assets.public_location:Point:4326", "assets.service_area:Polygon:4326", "pcn_areas.boundary:MULTIPOLYGON:4326",
             "postcodes.location:Point:4326", "time_bank_members.coarse_location:Point:4326"],
            columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = fixture.Database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the last migration: run dotnet ef migrations add <Name> --project src/AssetMap.Domain --startup-project src/AssetMap.Domain --output-dir Persistence/Migrations");
    }
}
