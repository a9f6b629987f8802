using AssetMap.Domain.Spatial;
using AssetMap.Import.Geodata;
using AssetMap.Import.Importing;
using static AssetMap.Import.Tests.Geodata.GeodataFiles;

namespace AssetMap.Import.Tests.Geodata;

public sealed class PostcodeDirectoryReaderTests : IDisposable
{
    private readonly GeodataFiles _files = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(OnspdHeader)]
    [InlineData(OldOnspdHeader)]
    public async Task Onspd_rows_are_found_by_column_name_and_postcodes_without_a_position_are_skipped(string header)
    {
        var path = _files.OnspdCsv("onspd.csv", [
            new("QA1 1AA", 51.4778219, 0.3285371),
            new("QA1 1AB", 99.999999, 0),
            new("QA11 2BD", 51.5110334, 0.2394336),
        ], header);
        var reader = new PostcodeDirectoryReader(path);

        var rows = await ReadAllAsync(reader);

        Assert.Equal(PostcodeFileFormat.Onspd, reader.Format);
        Assert.Equal([new PostcodeRow("QA1 1AA", 0.3285371, 51.4778219), new PostcodeRow("QA11 2BD", 0.2394336, 51.5110334)], rows);
        Assert.Equal(3, reader.RowsRead);
        Assert.Equal(1, reader.Skipped);
        var skipped = Assert.Single(reader.SkippedExamples);
        Assert.Equal(("onspd.csv", 3, ProblemSeverity.Warning), (skipped.Sheet, skipped.Row, skipped.Severity));
        Assert.StartsWith("no coordinates: QA1 1AB", skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PCD7,PCD8,LAT,LONG", 0, 3, 2)]
    [InlineData("pcd8,Lat,Long", 0, 2, 1)]
    [InlineData("x,pcd,pcds,latitude,longitude", 2, 4, 3)]
    [InlineData("Postcode,Lng,Lat", 0, 1, 2)]
    public void Onspd_headers_old_and_new_are_recognised_in_any_case(string header, int postcode, int longitude, int latitude)
    {
        var layout = PostcodeLayout.Detect(header.Split(','));

        Assert.Equal(new PostcodeLayout(PostcodeFileFormat.Onspd, postcode, longitude, latitude), layout);
    }

    [Theory]
    [InlineData("PC,PQ,EA,NO,CY")]
    [InlineData("pcds,oseast1m,osnrth1m")]
    [InlineData("RM17 6SL,10,not-a-number,178000")]
    [InlineData("hello")]
    public void Lines_that_are_neither_format_are_not_recognised(string line) =>
        Assert.Null(PostcodeLayout.Detect(line.Split(',')));

    [Fact]
    public async Task Code_point_rows_are_converted_from_the_national_grid()
    {
        var grays = GridReferencePoints.Thurrock[0];
        var path = _files.CodePointCsv("rm.csv", [
            new("QC1 1AA", grays.Easting, grays.Northing),
            new("QC1 1AB", 0, 0, Quality: 90),
            new("NOT A CODE", grays.Easting, grays.Northing),
            new("QC1 1AD", 900_000, 178000),
        ]);
        var reader = new PostcodeDirectoryReader(path);

        var row = Assert.Single(await ReadAllAsync(reader));

        Assert.Equal(PostcodeFileFormat.CodePointOpen, reader.Format);
        Assert.Equal("QC1 1AA", row.Postcode);
        Assert.InRange(Geo.HaversineMetres(Geo.Point(row.Longitude, row.Latitude), Geo.Point(grays.Longitude, grays.Latitude)), 0, 10);
        Assert.Equal(4, reader.RowsRead);
        Assert.Equal(
            new Dictionary<string, long> { [SkipReasons.NoCoordinates] = 1, [SkipReasons.InvalidPostcode] = 1, [SkipReasons.BadCoordinates] = 1 },
            reader.SkippedByReason);
        Assert.Equal([2, 3, 4], reader.SkippedExamples.Select(s => s.Row));
        Assert.Contains("'NOT A CODE' is not a UK postcode", reader.SkippedExamples[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_is_read_csv_by_csv_and_its_documentation_is_skipped()
    {
        var path = _files.CodePointZip("codepo_gb.zip", new Dictionary<string, CodePoint[]>
        {
            ["qd.csv"] = [new("QD1 1AA", 561800, 178000), new("QD1 1AB", 561500, 178200)],
            ["qe.csv"] = [new("QE1 1AA", 564800, 176000)],
        });
        var reader = new PostcodeDirectoryReader(path);

        var rows = await ReadAllAsync(reader);

        Assert.Equal(["QD1 1AA", "QD1 1AB", "QE1 1AA"], rows.Select(r => r.Postcode));
        Assert.Equal(PostcodeFileFormat.CodePointOpen, reader.Format);
        Assert.Equal(0, reader.Skipped);
    }

    [Fact]
    public async Task Only_the_first_twenty_skipped_rows_are_kept_as_examples_but_all_are_counted()
    {
        var path = _files.OnspdCsv("onspd.csv", Enumerable.Range(0, 25).Select(_ => new Onspd("QZ", 51.5, 0.3)));
        var reader = new PostcodeDirectoryReader(path);

        Assert.Empty(await ReadAllAsync(reader));

        Assert.Equal(25, reader.Skipped);
        Assert.Equal(PostcodeDirectoryReader.MaxExamples, reader.SkippedExamples.Count);
        Assert.Equal(21, reader.SkippedExamples[^1].Row);
    }

    [Fact]
    public async Task A_file_in_neither_format_is_refused_naming_the_file()
    {
        var path = _files.Write("assets.csv", "Name,Town\r\nLunch club,Grays\r\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new PostcodeDirectoryReader(path)));

        Assert.StartsWith("assets.csv: the first line is neither", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<PostcodeRow>> ReadAllAsync(PostcodeDirectoryReader reader)
    {
        var rows = new List<PostcodeRow>();
        await foreach (var row in reader.ReadAsync(Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
