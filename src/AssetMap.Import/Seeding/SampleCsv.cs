using Sylvan.Data.Csv;

namespace AssetMap.Import.Seeding;

/// <summary>Reads a sample CSV into rows keyed by header (Sylvan does the quoting and embedded newlines).</summary>
internal static class SampleCsv
{
    public static List<SampleRow> Read(string path)
    {
        using var csv = CsvDataReader.Create(path);
        var headers = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToArray();
        var rows = new List<SampleRow>();
        while (csv.Read())
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Length; i++)
            {
                values[headers[i]] = csv.GetString(i);
            }

            // Row numbers as a spreadsheet shows them: the header is row 1.
            rows.Add(new SampleRow(Path.GetFileName(path), rows.Count + 2, values));
        }

        return rows;
    }
}
