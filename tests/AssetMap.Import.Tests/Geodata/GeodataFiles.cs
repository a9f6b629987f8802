using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AssetMap.Import.Tests.Geodata;

/// <summary>
/// Writes small postcode directory files shaped like the real downloads into a temporary folder (deleted on
/// dispose). Tests use postcodes in made-up "Q" areas — no real postcode starts with Q — so they never clash.
/// </summary>
public sealed class GeodataFiles : IDisposable
{
    /// <summary>ONSPD since 2025: pcd → pcd7, pcd2 → pcd8.</summary>
    public const string OnspdHeader =
        "pcd7,pcd8,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21cd,cty25cd,lad25cd,ward25cd,ctry25cd,"
        + "rgn25cd,pcon24cd,lsoa21cd,msoa21cd,lat,long,icb23cd,imd20ind";

    /// <summary>ONSPD before 2025.</summary>
    public const string OldOnspdHeader =
        "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa11,cty,laua,ward,ctry,rgn,pcon,lsoa11,"
        + "msoa11,lat,long,ccg,imd";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("assetmap-geodata-");

    public sealed record Onspd(string Postcode, double Latitude, double Longitude);

    public sealed record CodePoint(string Postcode, double Eastings, double Northings, int Quality = 10);

    /// <summary>An ONSPD-shaped CSV: quoted fields, padded 7- and 8-character postcode forms, lat/long columns.</summary>
    public string OnspdCsv(string name, IEnumerable<Onspd> rows, string header = OnspdHeader)
    {
        var text = new StringBuilder(header).Append("\r\n");
        foreach (var row in rows)
        {
            var (outward, inward) = Split(row.Postcode);
            var inv = CultureInfo.InvariantCulture;
            text.Append(inv, $"\"{outward,-4}{inward}\",\"{outward,-5}{inward}\",\"{row.Postcode}\",\"199001\",\"\",\"0\",\"561800\",\"0178000\",\"1\",")
                .Append("\"E00000001\",\"E99999999\",\"E06000034\",\"E05002222\",\"E92000001\",\"E12000006\",\"E14001234\",")
                .Append(inv, $"\"E01015800\",\"E02003200\",{row.Latitude},{row.Longitude},\"E54000026\",12345\r\n");
        }

        return Write(name, text.ToString());
    }

    /// <summary>A Code-Point Open CSV: no header; Postcode, quality, Eastings, Northings, then area codes.</summary>
    public string CodePointCsv(string name, IEnumerable<CodePoint> rows) => Write(name, CodePointText(rows));

    /// <summary>A Code-Point Open-shaped zip: <c>Data/CSV/*.csv</c> plus the documentation it ships with.</summary>
    public string CodePointZip(string name, IReadOnlyDictionary<string, CodePoint[]> csvs)
    {
        var path = Path.Combine(_directory.FullName, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        AddEntry(zip, "Doc/Code-Point_Open_Column_Headers.csv", "PC,PQ,EA,NO,CY,RH,LH,CC,DC,WC\r\n"
            + "Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,NHS_regional_HA_code,"
            + "NHS_HA_code,Admin_county_code,Admin_district_code,Admin_ward_code\r\n");
        AddEntry(zip, "Doc/licence.txt", "Contains OS data © Crown copyright and database right.\r\n");
        AddEntry(zip, "readme.txt", "Code-Point Open: one CSV per postcode area under Data/CSV.\r\n");
        foreach (var (file, rows) in csvs)
        {
            AddEntry(zip, $"Data/CSV/{file}", CodePointText(rows));
        }

        return path;
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string CodePointText(IEnumerable<CodePoint> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"\"{row.Postcode}\",{row.Quality},{row.Eastings},{row.Northings},\"E92000001\",\"E19000001\",\"E18000007\",\"\",\"E06000034\",\"E05002222\"\r\n");
        }

        return text.ToString();
    }

    private static void AddEntry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static (string Outward, string Inward) Split(string postcode)
    {
        var compact = postcode.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length < 4 ? (compact, "") : (compact[..^3], compact[^3..]);
    }
}
