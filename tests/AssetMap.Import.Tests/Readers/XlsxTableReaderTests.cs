using AssetMap.Import.Readers;
using AssetMap.Import.Tests.Fixtures;

namespace AssetMap.Import.Tests.Readers;

public sealed class XlsxTableReaderTests
{
    private static readonly string Workbook = FixtureFiles.PathOf(FixtureFiles.Workbook);

    [Fact]
    public void Every_sheet_with_a_header_becomes_a_table_and_a_sheet_without_one_says_why()
    {
        var tables = SpreadsheetReader.Read(Workbook, null, null);

        Assert.Equal(["Micro-enterprises", "Activities", "Notes"], tables.Select(t => t.Sheet));
        Assert.All(tables, t => Assert.Equal("cvs-directory.xlsx", t.File));
        Assert.Null(tables[0].Problem);
        Assert.Null(tables[1].Problem);
        var notes = tables[2];
        Assert.Contains("no header row found", notes.Problem, StringComparison.Ordinal);
        Assert.Equal(0, notes.HeaderRow);
        Assert.Empty(notes.Rows);
    }

    [Fact]
    public void Title_rows_blank_rows_and_a_merged_group_heading_above_the_header_are_skipped()
    {
        var table = ReadSheet("Micro-enterprises");

        Assert.Equal(5, table.HeaderRow);
        Assert.Equal(
            [
                new ImportColumn(0, "Ref", "ref"), new ImportColumn(1, "Organisation name", "organisation"),
                new ImportColumn(2, "Address", "address"), new ImportColumn(3, "Town", "town"),
                new ImportColumn(4, "Post Code", "postcode"), new ImportColumn(5, "Tel", "phone"),
                new ImportColumn(6, "E-mail", "email"), new ImportColumn(7, "Price", "price"),
                new ImportColumn(8, "Price unit", "priceUnit"), new ImportColumn(9, "Insurance expiry", "insuranceExpiry"),
                new ImportColumn(10, "Home based", "homeBased"), new ImportColumn(11, "Easting", "easting"),
                new ImportColumn(12, "Northing", "northing"), new ImportColumn(13, "Latitude", "latitude"),
                new ImportColumn(14, "Longitude", "longitude"), new ImportColumn(15, "Officer notes", null),
                new ImportColumn(16, "Email address", null, DuplicateOf: "email"),
            ],
            table.Columns);
        Assert.Equal(["Officer notes"], table.Unrecognised.Select(c => c.Header));
        Assert.Equal(["Email address"], table.Duplicates.Select(c => c.Header));
    }

    [Fact]
    public void Rows_keep_the_numbers_Excel_shows_and_the_blank_row_between_records_is_dropped()
    {
        var table = ReadSheet("Micro-enterprises");

        Assert.Equal([6, 7, 9], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(["ME-101", "ME-102", "ME-103"], table.Rows.Select(r => r.Values["ref"]));
    }

    [Fact]
    public void Cells_come_typed_dates_as_DateTime_numbers_as_double_booleans_as_bool_and_text_as_string()
    {
        var first = ReadSheet("Micro-enterprises").Rows[0].Values;

        Assert.Equal("Aveley Friday Lunch Club", first["organisation"]);
        Assert.Equal("01632 960730", first["phone"]);
        Assert.Equal(6.5, first["price"]);
        Assert.Equal(new DateTime(2026, 5, 27), first["insuranceExpiry"]);
        Assert.Equal(false, first["homeBased"]);
        Assert.Equal(51.5019, first["latitude"]);
        Assert.Null(first["easting"]);
        Assert.Equal("aveleyfridaylunchclub@example.org", first["email"]);
        Assert.Equal(15, first.Count);
    }

    [Fact]
    public void A_formula_cell_gives_its_cached_result()
    {
        var second = ReadSheet("Micro-enterprises").Rows[1].Values;

        Assert.Equal(7.5, second["price"]);
        Assert.Equal(true, second["homeBased"]);
    }

    [Fact]
    public void British_National_Grid_coordinates_come_through_as_numbers()
    {
        var third = ReadSheet("Micro-enterprises").Rows[2].Values;

        Assert.Equal(561500.0, third["easting"]);
        Assert.Equal(178200.0, third["northing"]);
        Assert.Null(third["latitude"]);
        Assert.Null(third["address"]);
    }

    [Fact]
    public void A_second_sheet_has_its_own_header_custom_date_and_time_formats_and_row_numbers()
    {
        var table = ReadSheet("activities");

        Assert.Equal(2, table.HeaderRow);
        Assert.Equal(
            ["ref", "name", "provider", "venueRef", "firstSession", "startTime", "endTime", "cost",
                "wheelchairAccessible", "capacity"],
            table.Columns.Select(c => c.Field));
        Assert.Equal([3, 4], table.Rows.Select(r => r.RowNumber));
        var yoga = table.Rows[1].Values;
        Assert.Equal(new DateTime(2026, 4, 16), yoga["firstSession"]);
        Assert.Equal(new DateTime(1899, 12, 30, 11, 0, 0), yoga["startTime"]);
        Assert.Equal("£3", yoga["cost"]);
        Assert.Equal(16.0, yoga["capacity"]);
        Assert.Null(table.Rows[0].Values["venueRef"]);
    }

    [Fact]
    public void Asking_for_a_sheet_without_a_header_is_an_error_listing_what_was_looked_for()
    {
        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(Workbook, "Notes", null));

        Assert.Contains("cvs-directory.xlsx", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Notes\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("no header row found", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"organisation name\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_missing_sheet_names_the_sheets_there_are()
    {
        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(Workbook, "Hubs", null));

        Assert.Equal(
            "cvs-directory.xlsx has no sheet called \"Hubs\". Its sheets are: \"Micro-enterprises\", \"Activities\", \"Notes\".",
            error.Message);
    }

    private static ImportTable ReadSheet(string sheet) => Assert.Single(SpreadsheetReader.Read(Workbook, sheet, null));
}
