using System.IO.Compression;
using AssetMap.Import.Readers;

namespace AssetMap.Import.Tests.Readers;

public sealed class SpreadsheetReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assetmap-readers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("directory.xls")]
    [InlineData("directory.ods")]
    [InlineData("directory.txt")]
    [InlineData("directory")]
    public void An_unsupported_extension_is_an_error_naming_it(string name)
    {
        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(name, null, null));

        Assert.StartsWith($"{name}: cannot read \"{Path.GetExtension(name)}\" files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read("nowhere/directory.xlsx", null, null));

        Assert.StartsWith("directory.xlsx: file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_workbook_is_a_spreadsheet_error_not_a_library_crash()
    {
        var path = Temp(".xlsx");
        File.WriteAllText(path, "this is not a zip file");

        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(path, null, null));

        Assert.StartsWith($"{Path.GetFileName(path)}: is not a readable Excel workbook", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_a_spreadsheet_error()
    {
        var path = Temp(".xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(path, null, null));

        Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_workbook_is_a_spreadsheet_error()
    {
        var path = Temp(".xlsx");
        var bytes = File.ReadAllBytes(Fixtures.FixtureFiles.PathOf(Fixtures.FixtureFiles.Workbook));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Read(path, null, null));

        Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
    }

    private string Temp(string extension) => Path.Combine(_directory, $"assetmap-{Guid.NewGuid():N}{extension}");
}
