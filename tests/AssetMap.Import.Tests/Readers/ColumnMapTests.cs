using AssetMap.Import.Readers;

namespace AssetMap.Import.Tests.Readers;

public sealed class ColumnMapTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assetmap-readers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("E-mail", "email")]
    [InlineData("email", "email")]
    [InlineData("E mail", "email")]
    [InlineData("Post Code", "postcode")]
    [InlineData("POSTCODE", "postcode")]
    [InlineData("Service radius (km)", "serviceRadiusKm")]
    [InlineData("  Opening Hours ", "openingHours")]
    [InlineData("openingHours", "openingHours")]
    [InlineData("Cost per session", "cost")]
    [InlineData("Organization Name", "organisation")]
    [InlineData("Venue", "venueRef")]
    public void Headers_match_fields_whatever_their_case_spacing_and_punctuation(string header, string field) =>
        Assert.Equal(field, ColumnMap.FieldFor(header, null));

    [Theory]
    [InlineData("Officer notes")]
    [InlineData("")]
    [InlineData(" - ")]
    public void Unknown_and_empty_headers_match_nothing(string header) => Assert.Null(ColumnMap.FieldFor(header, null));

    [Fact]
    public void No_synonym_belongs_to_two_fields()
    {
        var clashes = ColumnMap.Synonyms
            .SelectMany(f => f.Value.Select(s => (Key: ColumnMap.Normalise(s), Field: f.Key)))
            .GroupBy(p => p.Key)
            .Where(g => g.Select(p => p.Field).Distinct().Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(clashes);
    }

    [Fact]
    public void A_mapping_overrides_synonyms_and_can_ignore_a_column()
    {
        var mapping = new ColumnMapping(new Dictionary<string, string?>
        {
            ["Our Weird Header"] = "name",
            ["zip"] = "Post Code",
            ["Tel"] = null,
        });

        Assert.Equal("name", ColumnMap.FieldFor("our weird header", mapping));
        Assert.Equal("postcode", ColumnMap.FieldFor("ZIP", mapping));
        Assert.Null(ColumnMap.FieldFor("Tel", mapping));
        Assert.Equal("town", ColumnMap.FieldFor("Town", mapping));
    }

    [Fact]
    public void A_mapping_file_is_applied_to_the_header_and_its_detection()
    {
        var csv = Temp(".csv", "Our Weird Header,Zip,Where\nAveley Hub,RM15 4NA,Aveley\n");
        var json = Temp(".json", """{ "columns": { "Our Weird Header": "name", "Zip": "postcode", "Where": "town" } }""");

        var table = Assert.Single(SpreadsheetReader.Read(csv, null, ColumnMapping.Load(json)));

        Assert.Equal(["name", "postcode", "town"], table.Columns.Select(c => c.Field));
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.RowNumber);
        Assert.Equal("RM15 4NA", row.Values["postcode"]);
    }

    [Fact]
    public void An_unknown_field_in_a_mapping_file_is_an_error_naming_it()
    {
        var json = Temp(".json", """{ "columns": { "Zip": "postcode", "Nickname": "nick" } }""");

        var error = Assert.Throws<SpreadsheetException>(() => ColumnMapping.Load(json));

        Assert.StartsWith(
            $"In the mapping file {Path.GetFileName(json)}: The mapping for column \"Nickname\" names an unknown field \"nick\".",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "cols": {} }""")]
    public void A_malformed_mapping_file_is_an_error_naming_the_file(string content)
    {
        var json = Temp(".json", content);

        var error = Assert.Throws<SpreadsheetException>(() => ColumnMapping.Load(json));

        Assert.Contains(Path.GetFileName(json), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_row_with_a_name_column_is_the_header_even_when_an_earlier_row_matches_other_fields()
    {
        var csv = Temp(".csv", "Type,Status\nkind,state\nRef,Name,Town\nX1,Hub,Grays\n");

        var table = Assert.Single(SpreadsheetReader.Read(csv, null, null));

        Assert.Equal(3, table.HeaderRow);
        Assert.Equal([4], table.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void Without_a_name_column_the_row_with_most_matches_is_the_header()
    {
        var csv = Temp(".csv", "Ref,Notes\nRef,Town,Postcode\nX1,Grays,RM17 6SL\n");

        var table = Assert.Single(SpreadsheetReader.Read(csv, null, null));

        Assert.Equal(2, table.HeaderRow);
        Assert.Equal("Grays", Assert.Single(table.Rows).Values["town"]);
    }

    private string Temp(string extension, string content)
    {
        var path = Path.Combine(_directory, $"assetmap-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
