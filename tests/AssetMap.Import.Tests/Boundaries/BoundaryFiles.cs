using System.Globalization;
using AssetMap.Domain.Spatial;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace AssetMap.Import.Tests.Boundaries;

/// <summary>Boundary files written from code into a temporary folder that is removed afterwards.</summary>
internal sealed class BoundaryFiles : IDisposable
{
    /// <summary>The ESRI WKT QGIS/ArcGIS write next to a British National Grid shapefile.</summary>
    public const string BritishNationalGridPrj =
        "PROJCS[\"British_National_Grid\",GEOGCS[\"GCS_OSGB_1936\",DATUM[\"D_OSGB_1936\",SPHEROID[\"Airy_1830\",6377563.396,299.3249646]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
        + "PARAMETER[\"False_Easting\",400000.0],PARAMETER[\"False_Northing\",-100000.0],PARAMETER[\"Central_Meridian\",-2.0],"
        + "PARAMETER[\"Scale_Factor\",0.9996012717],PARAMETER[\"Latitude_Of_Origin\",49.0],UNIT[\"Meter\",1.0]]";

    /// <summary>
    /// The corners of the square E 560000–563000, N 177000–180000 around Grays in WGS84 (longitude, latitude), from
    /// PROJ 9 <c>cs2cs -f %.7f EPSG:27700 EPSG:4326</c> (Helmert TOWGS84, no OSTN15 grid): an independent reference.
    /// </summary>
    public static readonly (double Easting, double Northing, double Longitude, double Latitude)[] GraysCorners =
    [
        (560000, 177000, 0.3021871, 51.4693492),
        (563000, 177000, 0.3453407, 51.4684937),
        (563000, 180000, 0.3467242, 51.4954456),
        (560000, 180000, 0.3035452, 51.4963018),
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("assetmap-boundaries-");

    public string Write(string fileName, string text)
    {
        var path = Path.Combine(_folder.FullName, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A Polygon shapefile (.shp/.shx/.dbf) in British National Grid, plus the .prj written by hand.</summary>
    public string WriteBritishNationalGridShapefile(string fileName, params (string Code, string Name, Envelope Square)[] areas)
    {
        var bng = NtsGeometryServices.Instance.CreateGeometryFactory(27700);
        var features = areas.Select(a => (IFeature)new Feature(
            bng.ToGeometry(a.Square),
            new AttributesTable { { "PCN_Code", a.Code }, { "PCN_Name", a.Name } }));
        var shp = Path.Combine(_folder.FullName, fileName);
        Shapefile.WriteAllFeatures(features, shp);
        File.WriteAllText(Path.ChangeExtension(shp, ".prj"), BritishNationalGridPrj);
        return shp;
    }

    public void Dispose() => _folder.Delete(recursive: true);

    public static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    public static string CollectionWithCrs(string crsName, params string[] features) =>
        $$$"""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"{{{crsName}}}"}},"features":[{{{string.Join(",", features)}}}]}""";

    /// <summary>A feature; <paramref name="properties"/> is the inside of the properties object.</summary>
    public static string Feature(string properties, string geometry) =>
        $$"""{"type":"Feature","properties":{{{properties}}},"geometry":{{geometry}}}""";

    public static string Pcn(string code, string name, string geometry) =>
        Feature($"\"code\":\"{code}\",\"name\":\"{name}\"", geometry);

    /// <summary>A GeoJSON Polygon for the rectangle x0..x1, y0..y1 (anticlockwise).</summary>
    public static string Square(double x0, double y0, double x1, double y1) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"Polygon","coordinates":[[[{{x0}},{{y0}}],[{{x1}},{{y0}}],[{{x1}},{{y1}}],[{{x0}},{{y1}}],[{{x0}},{{y0}}]]]}""");

    public static string Point(double x, double y) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"type":"Point","coordinates":[{{x}},{{y}}]}""");

    /// <summary>Distance in metres from the reference corner to the nearest vertex of <paramref name="boundary"/>.</summary>
    public static double MetresToNearestVertex(Geometry boundary, double longitude, double latitude) =>
        boundary.Coordinates.Min(c => Geo.HaversineMetres(Geo.Point(c.X, c.Y), Geo.Point(longitude, latitude)));
}
