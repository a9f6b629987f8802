using System.IO.Compression;

namespace AssetMap.Api.Features.Uploads;

/// <summary>What an uploaded file is, judged from its bytes, never its name.</summary>
internal enum SpreadsheetFormat
{
    Unknown,
    Xlsx,
    Csv,
}

/// <summary>
/// Sniffs an upload: an XLSX is a zip holding <c>[Content_Types].xml</c> and an <c>xl/</c> folder; a CSV is text (no
/// NUL bytes, valid UTF-8 in its first 64 KB). Anything else (a renamed program, a PDF, an old .xls) is refused before
/// the importer sees it, whatever the file is called.
/// </summary>
internal static class SpreadsheetSniffer
{
    private const int TextProbeBytes = 64 * 1024;

    public static SpreadsheetFormat Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        var read = stream.Read(head);
        stream.Position = 0;
        if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return IsWorkbook(stream) ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Unknown;
        }

        return IsText(stream) ? SpreadsheetFormat.Csv : SpreadsheetFormat.Unknown;
    }

    private static bool IsWorkbook(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsText(Stream stream)
    {
        var buffer = new byte[TextProbeBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length == 0)
        {
            return false;
        }

        var probe = buffer.AsSpan(0, length);
        if (probe.Contains((byte)0))
        {
            return false;
        }

        // A probe may end inside a multi-byte character: trim up to three bytes of an unfinished sequence.
        for (var trim = 0; trim <= 3 && trim < length; trim++)
        {
            if (System.Text.Unicode.Utf8.IsValid(probe[..(length - trim)]))
            {
                return true;
            }
        }

        // Not UTF-8: Windows-1252 exports from older Excel are text too, as long as there are no control bytes.
        foreach (var b in probe)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A))
            {
                return false;
            }
        }

        return true;
    }
}
