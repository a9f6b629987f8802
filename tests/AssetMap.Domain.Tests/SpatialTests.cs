using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;

namespace AssetMap.Domain.Tests;

public sealed class SpatialTests
{
    [Fact]
    public void Points_carry_srid_4326_with_x_as_longitude()
    {
        var grays = Geo.Point(0.325, 51.477);

        Assert.Equal(4326, grays.SRID);
        Assert.Equal(0.325, grays.X);
        Assert.Equal(51.477, grays.Y);
    }

    [Theory]
    [InlineData(0, 91, "latitude")]
    [InlineData(181, 0, "longitude")]
    public void Points_outside_the_globe_are_rejected(double lon, double lat, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Geo.Point(lon, lat)).Field);

    [Fact]
    public void Coarsening_moves_a_home_up_to_about_a_kilometre_and_neighbours_share_a_cell()
    {
        var home = Geo.Point(0.3251, 51.4773);
        var neighbour = Geo.Point(0.3262, 51.4779);

        var coarse = Geo.Coarsen(home);

        Assert.NotEqual(home.Coordinate, coarse.Coordinate);
        Assert.InRange(Geo.HaversineMetres(home, coarse), 1, 800);
        Assert.Equal(coarse.Coordinate, Geo.Coarsen(neighbour).Coordinate);
        Assert.Equal(coarse.Coordinate, Geo.Coarsen(coarse).Coordinate);
    }

    [Fact]
    public void Haversine_matches_a_known_distance()
    {
        // Grays to Tilbury town centres: about 3.1 km.
        var metres = Geo.HaversineMetres(Geo.Point(0.3245, 51.4782), Geo.Point(0.3595, 51.4622));

        Assert.InRange(metres, 2_900, 3_100);
    }

    [Fact]
    public void Pcn_codes_must_be_ods_codes()
    {
        var square = Geo.Factory.CreateMultiPolygon([Geo.Factory.CreatePolygon([new(0, 51), new(1, 51), new(1, 52), new(0, 52), new(0, 51)])]);

        Assert.Equal("U81042", PcnArea.Create("u81042", "Grays PCN", "Grays", square).Code);
        Assert.Equal("code", Assert.Throws<DomainRuleException>(() => PcnArea.Create("GRAYS", "Grays PCN", "Grays", square)).Field);
    }
}
