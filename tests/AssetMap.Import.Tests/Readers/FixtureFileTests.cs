using AssetMap.Import.Readers;
using AssetMap.Import.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace AssetMap.Import.Tests.Readers;

public sealed class FixtureFileTests
{
    [Fact]
    public void Committed_fixtures_are_what_the_fixture_code_writes()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_FIXTURES") == "1")
        {
            FixtureFiles.WriteAll(FixtureFiles.Directory);
        }

        var fresh = Directory.CreateTempSubdirectory("assetmap-fixtures-").FullName;
        try
        {
            FixtureFiles.WriteAll(fresh);
            foreach (var csv in new[] { FixtureFiles.Windows1252Csv, FixtureFiles.Utf8BomCsv })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, csv)), File.ReadAllBytes(FixtureFiles.PathOf(csv)));
            }

            // Zip entries carry timestamps, so the workbook is compared by what it reads as.
            var expected = SpreadsheetReader.Read(Path.Combine(fresh, FixtureFiles.Workbook), null, null);
            var committed = SpreadsheetReader.Read(FixtureFiles.PathOf(FixtureFiles.Workbook), null, null);
            Assert.Equal(Describe(expected), Describe(committed));
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Fact]
    public void The_workbook_fixture_is_a_valid_Excel_file()
    {
        using var document = SpreadsheetDocument.Open(FixtureFiles.PathOf(FixtureFiles.Workbook), false);

        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }

    private static IEnumerable<string> Describe(IReadOnlyList<ImportTable> tables) =>
        tables.SelectMany(t => t.Columns.Select(c => $"{t.Sheet} {t.HeaderRow} {c}")
            .Concat(t.Rows.Select(r => $"{t.Sheet} {r.RowNumber} "
                + string.Join("|", r.Values.Select(v => $"{v.Key}={v.Value}:{v.Value?.GetType().Name}"))))
            .Append($"{t.Sheet} {t.Problem}"));
}
