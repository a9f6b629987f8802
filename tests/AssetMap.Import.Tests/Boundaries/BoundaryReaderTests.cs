using AssetMap.Domain.Spatial;
using AssetMap.Import.Boundaries;
using NetTopologySuite.Geometries;
using static AssetMap.Import.Tests.Boundaries.BoundaryFiles;

namespace AssetMap.Import.Tests.Boundaries;

public sealed class BoundaryReaderTests : IDisposable
{
    private readonly BoundaryFiles _files = new();

    private static readonly string GraysSquareInBng = Square(560000, 177000, 563000, 180000);

    [Fact]
    public void British_National_Grid_geojson_with_a_legacy_crs_member_lands_within_ten_metres_of_the_reference_corners()
    {
        var path = _files.Write("bng.geojson", CollectionWithCrs("urn:ogc:def:crs:EPSG::27700", Pcn("U81042", "Grays PCN", GraysSquareInBng)));

        var file = BoundaryReader.Read(path);

        Assert.Empty(file.Problems);
        Assert.Empty(file.Warnings);
        Assert.Equal(27700, file.SourceSrid);
        var boundary = Assert.Single(file.Features).Boundary;
        Assert.Equal(Geo.Srid, boundary.SRID);
        Assert.All(GraysCorners, c => Assert.InRange(MetresToNearestVertex(boundary, c.Longitude, c.Latitude), 0, 10));
    }

    [Fact]
    public void A_shapefile_with_a_british_national_grid_prj_is_reprojected_and_keeps_its_dbf_attributes()
    {
        var path = _files.WriteBritishNationalGridShapefile("pcns.shp", ("U81042", "Grays PCN", new Envelope(560000, 563000, 177000, 180000)));

        var file = BoundaryReader.Read(path);

        Assert.Empty(file.Problems);
        Assert.Equal(27700, file.SourceSrid);
        var feature = Assert.Single(file.Features);
        Assert.Equal(("U81042", "PCN_Code", "Grays PCN", "PCN_Name", "Grays"),
            (feature.Code, feature.CodeProperty, feature.Name, feature.NameProperty, feature.Locality));
        Assert.All(GraysCorners, c => Assert.InRange(MetresToNearestVertex(feature.Boundary, c.Longitude, c.Latitude), 0, 10));
    }

    [Fact]
    public void Metre_coordinates_without_a_declared_crs_are_read_as_british_national_grid_with_a_warning()
    {
        var path = _files.Write("nocrs.geojson", Collection(Pcn("U81042", "Grays PCN", GraysSquareInBng)));

        var file = BoundaryReader.Read(path);

        Assert.Empty(file.Problems);
        Assert.Equal(27700, file.SourceSrid);
        Assert.Contains(file.Warnings, w => w.Contains("EPSG:27700", StringComparison.Ordinal));
        Assert.InRange(Assert.Single(file.Features).Boundary.Centroid.Y, 51.46, 51.50);
    }

    [Fact]
    public void Usual_property_names_are_found_in_any_case_and_locality_defaults_to_the_name_without_PCN()
    {
        var path = _files.Write("council.geojson", Collection(
            Feature("\"PCN_CODE\":\"u81042\",\"pcn_name\":\"Grays PCN\"", Square(0.30, 51.47, 0.34, 51.49)),
            Feature("\"PCNCode\":\"U81043\",\"PCNName\":\"Tilbury and Chadwell PCN\",\"Locality\":\"Tilbury\"", Square(0.35, 51.46, 0.40, 51.49))));

        var file = BoundaryReader.Read(path);

        Assert.Empty(file.Problems);
        Assert.Equal(4326, file.SourceSrid);
        Assert.Equal([("u81042", "Grays"), ("U81043", "Tilbury")], file.Features.Select(f => (f.Code, f.Locality)));
        Assert.All(file.Features, f => Assert.Equal(1, f.Boundary.NumGeometries));
    }

    [Fact]
    public void Z_coordinates_are_dropped()
    {
        const string polygonZ = """{"type":"Polygon","coordinates":[[[0.30,51.47,5],[0.34,51.47,6],[0.34,51.49,7],[0.30,51.47,5]]]}""";
        var path = _files.Write("z.geojson", Collection(Pcn("U81042", "Grays PCN", polygonZ)));

        var boundary = Assert.Single(BoundaryReader.Read(path).Features).Boundary;

        Assert.All(boundary.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
        Assert.False(((Polygon)boundary.GetGeometryN(0)).Shell.CoordinateSequence.HasZ);
    }

    [Fact]
    public void A_self_intersecting_boundary_is_repaired_with_a_warning()
    {
        const string bowTie = """{"type":"Polygon","coordinates":[[[0.30,51.47],[0.34,51.49],[0.34,51.47],[0.30,51.49],[0.30,51.47]]]}""";
        var path = _files.Write("bowtie.geojson", Collection(Pcn("U81042", "Grays PCN", bowTie)));

        var file = BoundaryReader.Read(path);

        Assert.Empty(file.Problems);
        var boundary = Assert.Single(file.Features).Boundary;
        Assert.True(boundary.IsValid);
        Assert.Equal(2, boundary.NumGeometries);
        Assert.Contains(file.Warnings, w => w.StartsWith("Feature 1 (U81042)", StringComparison.Ordinal) && w.Contains("repaired", StringComparison.Ordinal));
    }

    [Fact]
    public void Points_and_lines_are_rejected_with_the_feature_index_and_reason()
    {
        var path = _files.Write("mixed.geojson", Collection(
            Pcn("U81041", "Aveley PCN", Square(0.21, 51.47, 0.30, 51.55)),
            Pcn("U81042", "Grays PCN", Point(0.32, 51.48)),
            Pcn("U81043", "Tilbury PCN", """{"type":"LineString","coordinates":[[0.35,51.46],[0.40,51.49]]}""")));

        var file = BoundaryReader.Read(path);

        Assert.Equal(
            [(2, "geometry", "a PCN boundary must be a Polygon or MultiPolygon, not a Point"),
             (3, "geometry", "a PCN boundary must be a Polygon or MultiPolygon, not a LineString")],
            file.Problems.Select(p => (p.Row, p.Column, p.Reason)));
        Assert.Equal("U81041", Assert.Single(file.Features).Code);
    }

    [Fact]
    public void A_crs_other_than_wgs84_or_british_national_grid_rejects_the_file()
    {
        var path = _files.Write("mercator.geojson", CollectionWithCrs("EPSG:3857", Pcn("U81042", "Grays PCN", Square(35000, 6700000, 38000, 6703000))));

        var problem = Assert.Single(BoundaryReader.Read(path).Problems);

        Assert.Equal((0, "file"), (problem.Row, problem.Column));
        Assert.Contains("EPSG:3857", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_named_property_is_reported_for_each_feature()
    {
        var path = _files.Write("named.geojson", Collection(Pcn("U81042", "Grays PCN", Square(0.30, 51.47, 0.34, 51.49))));

        var problem = Assert.Single(BoundaryReader.Read(path, codeProperty: "ODS").Problems);

        Assert.Equal((1, "ODS"), (problem.Row, problem.Column));
        Assert.Contains("'ODS'", problem.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
