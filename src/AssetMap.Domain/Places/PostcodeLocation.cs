using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Places;

/// <summary>One row of the postcode directory (ONSPD or Code-Point Open): where a postcode is.</summary>
public sealed class PostcodeLocation
{
    private PostcodeLocation()
    {
    }

    /// <summary>The normalised postcode.</summary>
    public Postcode Postcode { get; private set; } = null!;

    /// <summary>The postcode's point (SRID 4326).</summary>
    public Point Location { get; private set; } = null!;

    /// <summary>Creates a directory row.</summary>
    public static PostcodeLocation Create(Postcode postcode, Point location) =>
        new() { Postcode = postcode, Location = Spatial.Geo.Point(location.X, location.Y) };
}
