using AssetMap.Import.Readers;
using AssetMap.Import.Seeding;
using AssetMap.Import.Tests.Fixtures;
using AssetMap.TestSupport;

namespace AssetMap.Import.Tests.Readers;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assetmap-readers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_Windows_1252_semicolon_file_keeps_its_pound_signs_accents_quotes_and_embedded_newline()
    {
        var table = Assert.Single(SpreadsheetReader.Read(FixtureFiles.PathOf(FixtureFiles.Windows1252Csv), null, null));

        Assert.Null(table.Sheet);
        Assert.Equal(3, table.HeaderRow);
        Assert.Equal(
            [
                new ImportColumn(0, "Ref", "ref"), new ImportColumn(1, "Activity name", "name"),
                new ImportColumn(2, "Provider", "provider"), new ImportColumn(3, "Cost", "cost"),
                new ImportColumn(4, "Accessibility notes", "accessibilityNotes"), new ImportColumn(5, "Town", "town"),
            ],
            table.Columns);
        Assert.Equal([4, 6, 8], table.Rows.Select(r => r.RowNumber));
        var yoga = table.Rows[0].Values;
        Assert.Equal("£3", yoga["cost"]);
        Assert.Equal("Level access; accessible toilet\r\nHearing loop in the main hall", yoga["accessibilityNotes"]);
        Assert.Equal("Aveley", yoga["town"]);
        Assert.Equal("Tea and Chat \"Drop-in\"", table.Rows[1].Values["name"]);
        Assert.Equal("Café Crafts", table.Rows[2].Values["name"]);
        Assert.Equal("£2.50", table.Rows[2].Values["cost"]);
        Assert.Null(table.Rows[2].Values["accessibilityNotes"]);
    }

    [Fact]
    public void A_UTF8_file_with_a_BOM_reads_as_strings_and_its_first_header_is_not_spoiled_by_the_BOM()
    {
        var table = Assert.Single(SpreadsheetReader.Read(FixtureFiles.PathOf(FixtureFiles.Utf8BomCsv), null, null));

        Assert.Equal(1, table.HeaderRow);
        Assert.Equal(new ImportColumn(0, "Ref", "ref"), table.Columns[0]);
        Assert.Equal(
            ["ref", "name", "town", "postcode", "phone", "email", "price", "categories", "lastVerified"],
            table.Columns.Select(c => c.Field));
        Assert.Equal([2, 3, 5], table.Rows.Select(r => r.RowNumber));
        var cafe = table.Rows[0].Values;
        Assert.Equal("Café Companions", cafe["name"]);
        Assert.Equal("£4.00", cafe["price"]);
        Assert.Equal("Lunch clubs, Social groups", cafe["categories"]);
        Assert.Equal("01/02/2026", cafe["lastVerified"]);
        Assert.Equal("Home help;Gardening", table.Rows[1].Values["categories"]);
        Assert.Null(table.Rows[2].Values["price"]);
        Assert.Null(table.Rows[2].Values["lastVerified"]);
    }

    [Theory]
    [InlineData("hubs.csv")]
    [InlineData("micro-enterprises.csv")]
    [InlineData("activities.csv")]
    public void Every_column_of_the_sample_asset_files_is_recognised(string name)
    {
        var path = Path.Combine(SeedData.Directory, name);

        var table = Assert.Single(SpreadsheetReader.Read(path, null, null));

        Assert.Equal(1, table.HeaderRow);
        Assert.Empty(table.Unrecognised.Select(c => c.Header));
        Assert.Empty(table.Duplicates.Select(c => c.Header));
        var sample = SampleCsv.Read(path);
        Assert.Equal(sample.Select(r => r.Required("Ref")), table.Rows.Select(r => r.Values["ref"]));
        Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Values.Count));
    }

    [Fact]
    public void Row_numbers_count_the_lines_taken_by_embedded_newlines_and_blank_lines()
    {
        var path = WriteTemp("Name,Description\r\n\"A\",\"one\r\ntwo\r\nthree\"\r\n\r\nB,\"x\ny\"\nC,z\n");

        var table = Assert.Single(SpreadsheetReader.Read(path, null, null));

        Assert.Equal([2, 6, 8], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(["A", "B", "C"], table.Rows.Select(r => r.Values["name"]));
    }

    [Fact]
    public void A_file_with_no_recognisable_header_is_an_error_saying_what_was_looked_for()
    {
        var path = WriteTemp("Foo,Bar\n1,2\n");

        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(path, null, null));

        Assert.StartsWith(Path.GetFileName(path) + ": no header row found in the first 30 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("openingHours", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_quoting_is_an_error_naming_the_line()
    {
        var path = WriteTemp("Ref,Name\nA1,\"Hub\"x\n");

        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(path, null, null));

        Assert.StartsWith(
            Path.GetFileName(path) + ": the record starting on line 2 is not valid CSV", error.Message, StringComparison.Ordinal);
    }

    private string WriteTemp(string content)
    {
        var path = Path.Combine(_directory, $"assetmap-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
