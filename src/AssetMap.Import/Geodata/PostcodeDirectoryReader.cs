using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using AssetMap.Domain.Places;
using Sylvan.Data.Csv;
using AssetMap.Import.Importing;

namespace AssetMap.Import.Geodata;

/// <summary>
/// Streams <see cref="PostcodeRow"/>s out of an ONSPD CSV, a Code-Point Open CSV, or a zip holding either (every
/// data CSV in it, documentation skipped). One row is in memory at a time: the national files hold ≈2.7 million.
/// Rows without a usable postcode or position are skipped and tallied by reason, with the first
/// <see cref="MaxExamples"/> kept as examples.
/// </summary>
internal sealed class PostcodeDirectoryReader(string path)
{
    public const int MaxExamples = 20;

    // ONSPD marks a postcode without a grid reference with this latitude and a longitude of 0.
    private const double OnspdUnknownLatitude = 99.999999;

    private static readonly CsvDataReaderOptions CsvOptions = new() { HasHeaders = false, Delimiter = ',' };

    private readonly Dictionary<string, long> _skippedByReason = new(StringComparer.Ordinal);
    private readonly List<ImportProblem> _examples = [];

    /// <summary>The format found on the first line; null until a file has been opened.</summary>
    public PostcodeFileFormat? Format { get; private set; }

    /// <summary>Data rows read so far (header rows excluded), skipped ones included.</summary>
    public long RowsRead { get; private set; }

    public long Skipped { get; private set; }

    public IReadOnlyDictionary<string, long> SkippedByReason => _skippedByReason;

    public IReadOnlyList<ImportProblem> SkippedExamples => _examples;

    public async IAsyncEnumerable<PostcodeRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!IsZip(path))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            await foreach (var row in ReadCsvAsync(file, Path.GetFileName(path), cancellationToken))
            {
                yield return row;
            }

            yield break;
        }

        using var zip = ZipFile.OpenRead(path);
        var entries = PostcodeZip.DataEntries(zip);
        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} holds no data CSV (documentation folders are skipped).");
        }

        foreach (var entry in entries)
        {
            await using var stream = entry.Open();
            await foreach (var row in ReadCsvAsync(stream, $"{Path.GetFileName(path)}!{entry.FullName}", cancellationToken))
            {
                yield return row;
            }
        }
    }

    private static bool IsZip(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4
            && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    private async IAsyncEnumerable<PostcodeRow> ReadCsvAsync(
        Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var csv = await CsvDataReader.CreateAsync(text, CsvOptions, cancellationToken);
        if (!await csv.ReadAsync(cancellationToken))
        {
            yield break;
        }

        var layout = PostcodeLayout.Detect(Fields(csv))
            ?? throw new InvalidDataException(
                $"{source}: the first line is neither an ONSPD header (a postcode column such as pcds, plus lat and "
                + "long) nor a Code-Point Open row (postcode, quality, eastings, northings).");
        if (Format is { } earlier && earlier != layout.Format)
        {
            throw new InvalidDataException($"{source} is {layout.Format} but earlier files were {earlier}: import them separately.");
        }

        Format = layout.Format;
        // Row numbers count lines as a spreadsheet would: an ONSPD header is row 1.
        var rowNumber = layout.HasHeader ? 1L : 0L;
        var hasRow = !layout.HasHeader || await csv.ReadAsync(cancellationToken);
        for (; hasRow; hasRow = await csv.ReadAsync(cancellationToken))
        {
            rowNumber++;
            RowsRead++;
            if (Parse(csv, layout, source, rowNumber) is { } row)
            {
                yield return row;
            }
        }
    }

    private PostcodeRow? Parse(CsvDataReader csv, PostcodeLayout layout, string source, long rowNumber)
    {
        if (csv.RowFieldCount < layout.MinimumFields)
        {
            return Skip(source, rowNumber, SkipReasons.TooFewFields, $"{csv.RowFieldCount} fields, expected at least {layout.MinimumFields}");
        }

        if (!Postcode.TryParse(csv.GetString(layout.PostcodeField), out var postcode, out var error))
        {
            return Skip(source, rowNumber, SkipReasons.InvalidPostcode, error);
        }

        var first = csv.GetString(layout.LongitudeOrEastingField);
        var second = csv.GetString(layout.LatitudeOrNorthingField);
        if (!PostcodeLayout.TryNumber(first, out var x) || !PostcodeLayout.TryNumber(second, out var y))
        {
            return first.Trim().Length == 0 && second.Trim().Length == 0
                ? Skip(source, rowNumber, SkipReasons.NoCoordinates, $"{postcode} has empty coordinates")
                : Skip(source, rowNumber, SkipReasons.BadCoordinates, $"{postcode}: '{first}', '{second}' are not numbers");
        }

        return layout.Format == PostcodeFileFormat.Onspd
            ? FromLatLong(postcode, x, y, source, rowNumber)
            : FromGrid(postcode, x, y, source, rowNumber);
    }

    private PostcodeRow? FromLatLong(Postcode postcode, double longitude, double latitude, string source, long rowNumber)
    {
        if (Math.Abs(latitude - OnspdUnknownLatitude) < 1e-9 && longitude == 0)
        {
            return Skip(source, rowNumber, SkipReasons.NoCoordinates, $"{postcode} has no grid reference (ONSPD lat 99.999999, long 0)");
        }

        return latitude is < -90 or > 90 || longitude is < -180 or > 180
            ? Skip(source, rowNumber, SkipReasons.BadCoordinates, $"{postcode}: lat {latitude}, long {longitude} is off the globe")
            : new PostcodeRow(postcode.Value, longitude, latitude);
    }

    private PostcodeRow? FromGrid(Postcode postcode, double easting, double northing, string source, long rowNumber)
    {
        if (easting == 0 && northing == 0)
        {
            // Code-Point Open writes 0,0 for postcodes it cannot place (positional quality 90).
            return Skip(source, rowNumber, SkipReasons.NoCoordinates, $"{postcode} has no grid reference (eastings 0, northings 0)");
        }

        if (!BritishNationalGrid.IsOnGrid(easting, northing))
        {
            return Skip(source, rowNumber, SkipReasons.BadCoordinates, $"{postcode}: easting {easting}, northing {northing} is off the British National Grid");
        }

        var point = BritishNationalGrid.ToWgs84(easting, northing);
        return new PostcodeRow(postcode.Value, point.X, point.Y);
    }

    private PostcodeRow? Skip(string source, long rowNumber, string reason, string detail)
    {
        Skipped++;
        _skippedByReason[reason] = _skippedByReason.GetValueOrDefault(reason) + 1;
        if (_examples.Count < MaxExamples)
        {
            // The one problem shape: the sheet is the file (or zip entry), the row counts the header. A postcode with
            // no coordinates is normal in ONSPD (terminated, unlocated): a warning; anything else is an error.
            _examples.Add(new ImportProblem(reason == SkipReasons.NoCoordinates ? ProblemSeverity.Warning : ProblemSeverity.Error,
                source, (int)Math.Min(rowNumber, int.MaxValue), null, null, $"{reason}: {detail}"));
        }

        return null;
    }

    private static string[] Fields(CsvDataReader csv)
    {
        var fields = new string[csv.RowFieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = csv.GetString(i);
        }

        return fields;
    }
}
