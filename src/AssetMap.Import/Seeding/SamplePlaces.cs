using System.Text.Json;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.Taxonomy;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace AssetMap.Import.Seeding;

/// <summary>Reads the sample's places: PCN boundaries (GeoJSON), the postcode table and the category taxonomy.</summary>
internal static class SamplePlaces
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Geo.Factory) } };

    public static List<PcnArea> ReadPcnAreas(string path)
    {
        using var stream = File.OpenRead(path);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)
            ?? throw new SampleDataException(Path.GetFileName(path), 1, "features", "not a GeoJSON FeatureCollection");
        return [.. features.Select((feature, i) => PcnArea.Create(
            Attribute(feature, "code"),
            Attribute(feature, "name"),
            Attribute(feature, "locality"),
            feature.Geometry switch
            {
                MultiPolygon multi => WithSrid(multi),
                Polygon polygon => Geo.Factory.CreateMultiPolygon([polygon]),
                _ => throw new SampleDataException(Path.GetFileName(path), i + 1, "geometry", "a PCN boundary must be a (multi)polygon"),
            }))];
    }

    public static Dictionary<string, PostcodeLocation> ReadPostcodes(string path) =>
        SampleCsv.Read(path)
            .Select(row => PostcodeLocation.Create(
                row.Parse("Postcode", Postcode.Parse),
                Geo.Point(row.Number("Longitude") ?? throw row.Error("Longitude", "a value is required"),
                          row.Number("Latitude") ?? throw row.Error("Latitude", "a value is required"))))
            .ToDictionary(p => p.Postcode.Value);

    /// <summary>Two-level taxonomy: parents first, then children; looked up by name or synonym, any case.</summary>
    public static Dictionary<string, Category> ReadCategories(string path)
    {
        var rows = SampleCsv.Read(path);
        var byName = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.OrderBy(r => r.Optional("Parent") is null ? 0 : 1))
        {
            var parentName = row.Optional("Parent");
            Category? parent = null;
            if (parentName is not null && !byName.TryGetValue(parentName, out parent))
            {
                throw row.Error("Parent", $"'{parentName}' is not a top-level category in this file");
            }

            var category = Category.Create(row.Required("Category"), parent, row.List("Synonyms"));
            if (!byName.TryAdd(category.Name, category))
            {
                throw row.Error("Category", $"'{category.Name}' appears twice");
            }
        }

        var lookup = new Dictionary<string, Category>(byName, StringComparer.OrdinalIgnoreCase);
        foreach (var category in byName.Values)
        {
            foreach (var synonym in category.Synonyms)
            {
                lookup.TryAdd(synonym, category);
            }
        }

        return lookup;
    }

    private static string Attribute(IFeature feature, string name) =>
        feature.Attributes.Exists(name) ? Convert.ToString(feature.Attributes[name], System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";

    private static MultiPolygon WithSrid(MultiPolygon multi) =>
        multi.SRID == Geo.Srid ? multi : (MultiPolygon)Geo.Factory.CreateGeometry(multi);
}
