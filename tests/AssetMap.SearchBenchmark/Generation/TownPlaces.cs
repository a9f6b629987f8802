using System.Globalization;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using NetTopologySuite.Geometries;

namespace AssetMap.SearchBenchmark.Generation;

/// <summary>A generated postcode and its point.</summary>
internal sealed record GeneratedPostcode(string Code, double Latitude, double Longitude);

/// <summary>
/// Where entries go: a town drawn by population, then a point around its centre (normal, σ = half the town's radius),
/// or, for 12% of entries, in the countryside 1.5–4 radii out. Each town has its own postcodes (the first exactly at
/// the centre) and a grid of PCN areas over its built-up square, about 1,250 areas in all.
/// Postcodes start with Q, which no real postcode area uses, so they can never be mistaken for real ones.
/// </summary>
internal sealed class TownPlaces
{
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const double KmPerDegree = 111.32;
    private readonly double[] _cumulative;
    private readonly List<GeneratedPostcode>[] _postcodes;

    public TownPlaces(int totalPostcodes, int seed)
    {
        Towns = EnglandTowns.All;
        var total = Towns.Sum(t => (double)t.PopulationThousands);
        _cumulative = new double[Towns.Count];
        var running = 0d;
        for (var i = 0; i < Towns.Count; i++)
        {
            running += Towns[i].PopulationThousands / total;
            _cumulative[i] = running;
        }

        _postcodes = new List<GeneratedPostcode>[Towns.Count];
        for (var t = 0; t < Towns.Count; t++)
        {
            var town = Towns[t];
            var count = Math.Clamp((int)Math.Round(totalPostcodes * town.PopulationThousands / total), 8, 40_000);
            var random = new Random(HashCode.Combine(seed, "postcodes", t));
            _postcodes[t] = [.. Enumerable.Range(0, count).Select(k =>
            {
                var (lat, lon) = k == 0 ? (town.Latitude, town.Longitude) : Around(town, random, Gaussian(random) * town.RadiusKm / 2);
                return new GeneratedPostcode(Code(t, k), lat, lon);
            })];
        }
    }

    public IReadOnlyList<Town> Towns { get; }

    public IEnumerable<GeneratedPostcode> AllPostcodes => _postcodes.SelectMany(p => p);

    /// <summary>The postcode at the centre of <paramref name="townName"/>.</summary>
    public GeneratedPostcode CentrePostcode(string townName) => _postcodes[IndexOf(townName)][0];

    public Town Town(string name) => Towns[IndexOf(name)];

    /// <summary>A town by population, a point near it and one of its postcodes.</summary>
    public (Town Town, Point Point, string Postcode) Place(Random random)
    {
        var t = Array.BinarySearch(_cumulative, random.NextDouble());
        t = Math.Min(t < 0 ? ~t : t, Towns.Count - 1);
        var town = Towns[t];
        var distance = random.NextDouble() < 0.12
            ? town.RadiusKm * (1.5 + (2.5 * random.NextDouble()))
            : Gaussian(random) * town.RadiusKm / 2;
        var (lat, lon) = Around(town, random, distance);
        var postcodes = _postcodes[t];
        return (town, Geo.Point(Math.Round(lon, 6), Math.Round(lat, 6)), postcodes[random.Next(postcodes.Count)].Code);
    }

    /// <summary>PCN areas: per town a k×k grid over its square (centre ± 1.5 radii), k² ≈ its share of 1,250.</summary>
    public IEnumerable<PcnArea> PcnAreas()
    {
        var total = Towns.Sum(t => (double)t.PopulationThousands);
        var code = 10_000;
        foreach (var town in Towns)
        {
            var k = Math.Max(1, (int)Math.Round(Math.Sqrt(1_250 * town.PopulationThousands / total)));
            var halfKm = town.RadiusKm * 1.5;
            var dLat = halfKm / KmPerDegree;
            var dLon = halfKm / (KmPerDegree * Math.Cos(town.Latitude * Math.PI / 180));
            for (var row = 0; row < k; row++)
            {
                for (var col = 0; col < k; col++)
                {
                    var south = town.Latitude - dLat + (2 * dLat * row / k);
                    var north = town.Latitude - dLat + (2 * dLat * (row + 1) / k);
                    var west = town.Longitude - dLon + (2 * dLon * col / k);
                    var east = town.Longitude - dLon + (2 * dLon * (col + 1) / k);
                    var ring = Geo.Factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);
                    var number = (row * k) + col + 1;
                    yield return PcnArea.Create(
                        string.Create(CultureInfo.InvariantCulture, $"U{code++}"),
                        k == 1 ? $"{town.Name} PCN" : string.Create(CultureInfo.InvariantCulture, $"{town.Name} PCN {number}"),
                        town.Name,
                        Geo.Factory.CreateMultiPolygon([ring]));
                }
            }
        }
    }

    private int IndexOf(string townName) =>
        Towns.Select((t, i) => (t, i)).First(x => x.t.Name == townName).i;

    private static (double Lat, double Lon) Around(Town town, Random random, double distanceKm)
    {
        var angle = random.NextDouble() * 2 * Math.PI;
        var dLat = distanceKm * Math.Sin(angle) / KmPerDegree;
        var dLon = distanceKm * Math.Cos(angle) / (KmPerDegree * Math.Cos(town.Latitude * Math.PI / 180));
        return (Math.Clamp(town.Latitude + dLat, 49.9, 55.8), Math.Clamp(town.Longitude + dLon, -5.7, 1.8));
    }

    // |N(0, 1)| by Box–Muller: a distance from the centre.
    private static double Gaussian(Random random) =>
        Math.Abs(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    // Outward Q + letter + district (10 districts a town), inward sector digit + two unit letters: 40,000 a town.
    private static string Code(int town, int k) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Q{(char)('A' + (town / 9))}{1 + (town % 9 * 10) + (k / 4_000)} {k / 400 % 10}{UnitLetters[k % 400 / 20]}{UnitLetters[k % 20]}");
}
