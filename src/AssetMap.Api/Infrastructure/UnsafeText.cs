using System.Globalization;
using System.Text;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// The one answer to "does this input hold text PostgreSQL cannot store?", asked of every input before it can reach
/// the database: URL paths and queries (<see cref="UnsafeTextGuard"/>) and GraphQL arguments and variables
/// (<c>GraphQL/UnsafeTextRule</c>). PostgreSQL text refuses NUL (SQL state 22021); Npgsql cannot encode a lone UTF-16
/// surrogate as UTF-8; a URL's percent-escapes that are not UTF-8 decode to neither.
/// </summary>
internal static class UnsafeText
{
    public const string Reason = "holds a character the directory cannot store (NUL, a lone surrogate or invalid UTF-8)";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when <paramref name="text"/> holds NUL or a UTF-16 surrogate without its pair.</summary>
    public static bool IsUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    /// <summary>
    /// Decodes a still-encoded URL component strictly. False when its percent-escapes are not UTF-8 (<c>%C3%28</c>,
    /// <c>%FF</c>, an encoded surrogate) or the text is unsafe: the lenient decoders ASP.NET Core uses would leave such
    /// escapes in place or let NUL through, and the value would fail later, deeper, as a 500.
    /// </summary>
    public static bool IsSafeUrlComponent(ReadOnlySpan<char> encoded, bool plusIsSpace)
    {
        if (encoded.IndexOf('%') < 0)
        {
            return !IsUnsafe(encoded);
        }

        var bytes = new List<byte>(encoded.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length
                && byte.TryParse(encoded.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (char.IsSurrogate(c))
            {
                // A raw (unencoded) pair is fine; a lone half is not.
                if (!char.IsHighSurrogate(c) || i + 1 >= encoded.Length || !char.IsLowSurrogate(encoded[i + 1]))
                {
                    return false;
                }

                var written = new Rune(c, encoded[++i]).EncodeToUtf8(scratch);
                bytes.AddRange(scratch[..written]);
            }
            else
            {
                var written = new Rune(plusIsSpace && c == '+' ? ' ' : c).EncodeToUtf8(scratch);
                bytes.AddRange(scratch[..written]);
            }
        }

        try
        {
            return !IsUnsafe(StrictUtf8.GetString([.. bytes]));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
