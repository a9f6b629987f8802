using System.IO.Compression;

namespace AssetMap.Import.Geodata;

/// <summary>Which entries of a downloaded postcode directory zip hold the data.</summary>
internal static class PostcodeZip
{
    /// <summary>
    /// The CSVs of a zip in name order, without documentation (Code-Point Open's <c>Doc/</c> has a headers CSV) and,
    /// when ONSPD ships its whole-country CSV too, without the same rows split by area under <c>multi_csv/</c>.
    /// </summary>
    public static List<ZipArchiveEntry> DataEntries(ZipArchive zip)
    {
        var csvs = zip.Entries
            .Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Where(e => !Folders(e).Any(f => f.StartsWith("doc", StringComparison.OrdinalIgnoreCase)
                || f.Contains("guide", StringComparison.OrdinalIgnoreCase)
                || f.Equals("__MACOSX", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        static bool Split(ZipArchiveEntry e) => Folders(e).Any(f => f.Equals("multi_csv", StringComparison.OrdinalIgnoreCase));
        return csvs.Exists(e => !Split(e)) ? csvs.FindAll(e => !Split(e)) : csvs;
    }

    private static string[] Folders(ZipArchiveEntry entry) => entry.FullName.Split('/', '\\')[..^1];
}
