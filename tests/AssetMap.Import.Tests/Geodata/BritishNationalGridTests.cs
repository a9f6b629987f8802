using AssetMap.Domain.Spatial;
using AssetMap.Import.Geodata;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace AssetMap.Import.Tests.Geodata;

public sealed class BritishNationalGridTests
{
    public static TheoryData<string> Places => [.. GridReferencePoints.AcrossGreatBritain.Select(p => p.Place)];

    [Theory]
    [MemberData(nameof(Places))]
    public void Grid_references_across_great_britain_land_within_10_metres_of_the_reference(string place)
    {
        var reference = GridReferencePoints.AcrossGreatBritain.Single(p => p.Place == place);

        var point = BritishNationalGrid.ToWgs84(reference.Easting, reference.Northing);

        Assert.Equal(Geo.Srid, point.SRID);
        Assert.InRange(Geo.HaversineMetres(point, Geo.Point(reference.Longitude, reference.Latitude)), 0, 10);
    }

    [Fact]
    public void The_helmert_conversion_agrees_with_proj_to_the_centimetre()
    {
        // Same transformation as the cs2cs reference (see GridReferencePoints): any larger gap is a bug, not datum noise.
        var worst = GridReferencePoints.AcrossGreatBritain.Max(r => Geo.HaversineMetres(
            BritishNationalGrid.ToWgs84(r.Easting, r.Northing), Geo.Point(r.Longitude, r.Latitude)));

        Assert.InRange(worst, 0, 0.05);
    }

    [Fact]
    public void The_projection_matches_the_ordnance_survey_caister_water_tower_example()
    {
        // OS "A guide to coordinate systems in Great Britain", worked example: Caister water tower, OSGB36
        // 52°39′27.2531″N 1°43′4.5177″E ↔ E 651409.903, N 313177.270 (confirmed with cs2cs EPSG:27700 → EPSG:4277).
        // The projection alone (grid → its own OSGB36 geographic system, no datum shift), from the importer's WKT.
        var grid = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(BritishNationalGrid.Epsg27700Wkt);
        var toOsgb36 = new CoordinateTransformationFactory().CreateFromCoordinateSystems(grid, grid.GeographicCoordinateSystem).MathTransform;
        var (longitude, latitude) = toOsgb36.Transform(651409.903, 313177.270);

        Assert.Equal(52 + (39 / 60.0) + (27.2531 / 3600), latitude, 1e-7);
        Assert.Equal(1 + (43 / 60.0) + (4.5177 / 3600), longitude, 1e-7);
    }

    [Theory]
    [InlineData(-1, 178000)]
    [InlineData(700_001, 178000)]
    [InlineData(561800, -5)]
    [InlineData(561800, 1_300_001)]
    [InlineData(double.NaN, 178000)]
    public void Grid_references_off_the_grid_are_refused_with_a_clear_error(double easting, double northing)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BritishNationalGrid.ToWgs84(easting, northing));

        Assert.Contains("off the British National Grid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conversions_on_many_threads_give_the_same_answers_as_on_one()
    {
        var references = GridReferencePoints.AcrossGreatBritain;
        var expected = references.Select(r => BritishNationalGrid.ToWgs84(r.Easting, r.Northing)).ToList();

        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 4_000, i =>
        {
            var r = references[i % references.Count];
            results.Add(BritishNationalGrid.ToWgs84(r.Easting, r.Northing).EqualsExact(expected[i % references.Count]));
        });

        Assert.All(results, Assert.True);
    }
}
