using System.Globalization;
using System.Text.Json;
using AssetMap.Domain.Spatial;
using NetTopologySuite.Features;
using AssetMap.Import.Importing;

namespace AssetMap.Import.Boundaries;

/// <summary>
/// One usable feature: its attributes (not yet checked against the domain rules) and a WGS84 boundary. Index is the
/// 1-based position in the file; CodeProperty and NameProperty are the attributes the values came from, to name them
/// in problems.
/// </summary>
internal sealed record BoundaryFeature(
    int Index, string Code, string CodeProperty, string Name, string NameProperty, string Locality,
    NetTopologySuite.Geometries.MultiPolygon Boundary);

/// <summary>A boundary file read and reprojected to WGS84; features with problems are left out of <see cref="Features"/>.</summary>
internal sealed record BoundaryFile(
    int SourceSrid, IReadOnlyList<BoundaryFeature> Features, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads PCN boundaries from GeoJSON or an ESRI Shapefile. Councils publish these in either WGS84 or British National
/// Grid, with whatever attribute names their GIS used, so the code and name attributes are looked up by a list of
/// usual names (any case) unless the caller names them.
/// </summary>
internal static class BoundaryReader
{
    public static readonly IReadOnlyList<string> DefaultCodeProperties = ["code", "pcn_code", "PCN_Code", "ods_code", "PCNCode"];
    public static readonly IReadOnlyList<string> DefaultNameProperties = ["name", "pcn_name", "PCN_Name", "PCNName"];
    private const string LocalityProperty = "locality";

    public static BoundaryFile Read(string path, string? codeProperty = null, string? nameProperty = null)
    {
        var source = BoundarySources.Read(path);
        if (source.Error is not null)
        {
            return new BoundaryFile(source.DeclaredSrid ?? Geo.Srid, [], [BoundaryProblem.Error(0, "file", source.Error)], source.Warnings);
        }

        List<string> warnings = [.. source.Warnings];
        var srid = source.DeclaredSrid ?? GuessSrid(source.Features, warnings);
        string[] codeCandidates = codeProperty is null ? [.. DefaultCodeProperties] : [codeProperty];
        string[] nameCandidates = nameProperty is null ? [.. DefaultNameProperties] : [nameProperty];

        List<BoundaryFeature> features = [];
        List<ImportProblem> problems = [];
        if (source.Features.Count == 0)
        {
            problems.Add(BoundaryProblem.Error(0, "file", "the file has no features"));
        }

        for (var i = 0; i < source.Features.Count; i++)
        {
            var index = i + 1;
            var feature = source.Features[i];
            var (codeFrom, code) = Find(feature.Attributes, codeCandidates);
            var (nameFrom, name) = Find(feature.Attributes, nameCandidates);
            var (_, locality) = Find(feature.Attributes, [LocalityProperty]);
            if (code is null)
            {
                problems.Add(BoundaryProblem.Error(index, codeCandidates[0], Missing("PCN code", codeCandidates, "--code-property")));
            }

            if (name is null)
            {
                problems.Add(BoundaryProblem.Error(index, nameCandidates[0], Missing("PCN name", nameCandidates, "--name-property")));
            }

            var boundary = BoundaryGeometry.ToBoundary(feature.Geometry, srid, out var reason, out var repaired);
            if (boundary is null)
            {
                problems.Add(BoundaryProblem.Error(index, "geometry", reason ?? "unusable geometry"));
            }
            else if (repaired is not null)
            {
                warnings.Add($"Feature {index} ({code ?? "no code"}): the boundary was invalid ({repaired}) and was repaired.");
            }

            if (code is not null && name is not null && boundary is not null)
            {
                features.Add(new BoundaryFeature(index, code, codeFrom!, name, nameFrom!, locality ?? LocalityFromName(name), boundary));
            }
        }

        return new BoundaryFile(srid, features, problems, warnings);
    }

    /// <summary>"Grays PCN" → "Grays".</summary>
    public static string LocalityFromName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.EndsWith(" PCN", StringComparison.OrdinalIgnoreCase) ? trimmed[..^4].TrimEnd() : trimmed;
    }

    // Without a declared CRS, degrees never exceed ±180/±90; anything larger must be metres, and in England that
    // means British National Grid.
    private static int GuessSrid(IReadOnlyList<IFeature> features, List<string> warnings)
    {
        var metres = features.Any(f => f.Geometry is { IsEmpty: false } g
            && Array.Exists(g.Coordinates, c => Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90));
        if (!metres)
        {
            return Geo.Srid;
        }

        warnings.Add("The file declares no CRS and its coordinates are metres: they were read as British National Grid (EPSG:27700).");
        return BoundaryReprojection.BritishNationalGrid;
    }

    private static (string? Property, string? Value) Find(IAttributesTable? attributes, string[] candidates)
    {
        if (attributes is null)
        {
            return (null, null);
        }

        var names = attributes.GetNames();
        foreach (var candidate in candidates)
        {
            var actual = Array.Find(names, n => string.Equals(n, candidate, StringComparison.OrdinalIgnoreCase));
            if (actual is not null && Text(attributes[actual]) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return (actual, value.Trim());
            }
        }

        return (null, null);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Missing(string what, string[] candidates, string option) =>
        candidates.Length == 1
            ? $"no {what}: the feature has no '{candidates[0]}' property, or it is empty"
            : $"no {what}: none of the properties {string.Join(", ", candidates)} is set (name the property with {option})";
}
