using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Places;

/// <summary>
/// A Primary Care Network area. There is no official PCN boundary: councils assign LSOAs to PCNs and merge them,
/// so the boundary is imported data that can be replaced at any time.
/// </summary>
public sealed partial class PcnArea
{
    private PcnArea()
    {
    }

    /// <summary>NHS ODS code: <c>U</c> followed by five digits.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Display name, e.g. "Grays PCN".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The locality the PCN serves, e.g. "Grays".</summary>
    public string Locality { get; private set; } = "";

    /// <summary>The boundary, SRID 4326.</summary>
    public MultiPolygon Boundary { get; private set; } = null!;

    /// <summary>Creates a PCN area after checking the code and the boundary.</summary>
    public static PcnArea Create(string code, string name, string locality, MultiPolygon boundary)
    {
        var area = new PcnArea();
        area.Replace(code, name, locality, boundary);
        return area;
    }

    /// <summary>Replaces name, locality and boundary (a new boundary file was imported).</summary>
    public void Replace(string code, string name, string locality, MultiPolygon boundary)
    {
        code = code.Trim().ToUpperInvariant();
        if (!OdsCode().IsMatch(code))
        {
            throw new DomainRuleException("code", $"PCN code '{code}' is not an ODS code (U followed by five digits).");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("name", $"PCN {code} has no name.");
        }

        if (boundary.SRID != Spatial.Geo.Srid || boundary.IsEmpty || !boundary.IsValid)
        {
            throw new DomainRuleException("boundary", $"PCN {code} boundary must be a valid, non-empty WGS84 multipolygon.");
        }

        Code = code;
        Name = name.Trim();
        Locality = locality.Trim();
        Boundary = boundary;
    }

    [GeneratedRegex("^U[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex OdsCode();
}
