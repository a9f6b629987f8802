using System.Globalization;
using System.Text;

namespace AssetMap.Import.Benchmarks;

/// <summary>Generated, realistic-shaped input for the import benchmark (deterministic: the same seed gives the same file).</summary>
internal static class BenchmarkFiles
{
    private static readonly string[] Towns = ["Grays", "Tilbury", "Aveley", "South Ockendon", "Stanford-le-Hope", "Corringham", "Purfleet", "Chadwell St Mary"];
    private static readonly string[] Categories = ["Lunch clubs", "Pet sitting", "Handyperson", "Foot care", "Home care", "Gardening", "Befriending", "Cleaning"];

    public const string AssetHeader = "Ref,Organisation name,Summary,Town,Latitude,Longitude,Tel,E-mail,Categories,Price,Price unit,Direct payments,Home based,Last verified";

    /// <summary>A micro-enterprises CSV spread over England, in the CVS column shape.</summary>
    public static void WriteAssets(string path, int rows)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(AssetHeader);
        for (var i = 1; i <= rows; i++)
        {
            var town = Towns[i % Towns.Length];
            var lat = 50.5 + (random.NextDouble() * 4.5);
            var lon = -4.5 + (random.NextDouble() * 6);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"BENCH-{i:D6},Benchmark Helpers {i},Help at home number {i}.,{town},{lat:F5},{lon:F5},01632 960{i % 1000:D3},helpers{i}@example.org,{Categories[i % Categories.Length]},£{5 + (i % 20)}.50,per hour,{(i % 2 == 0 ? "Yes" : "No")},No,01/10/2026"));
        }
    }

    /// <summary>An ONSPD-shaped CSV (pcds, lat, long and a few of the other columns).</summary>
    public static void WritePostcodes(string path, int rows)
    {
        var random = new Random(7);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("pcd7,pcd8,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long");
        for (var i = 0; i < rows; i++)
        {
            // Unique postcodes by mixed radix (unit 26x26, sector 10, district 1-99, area letter). "Q" starts no real one.
            var unit = $"{(char)('A' + (i % 676 / 26))}{(char)('A' + (i % 26))}";
            var sector = i / 676 % 10;
            var district = (i / 6_760 % 99) + 1;
            var area = (char)('A' + (i / 669_240));
            var postcode = $"Q{area}{district} {sector}{unit}";
            var lat = 50.5 + (random.NextDouble() * 4.5);
            var lon = -4.5 + (random.NextDouble() * 6);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{postcode},{postcode},{postcode},202601,,,,{lat:F6},{lon:F6}"));
        }
    }
}
