using AssetMap.Api.Infrastructure;

namespace AssetMap.Api.Tests.Infrastructure;

public sealed class UnsafeTextTests
{
    // Built in code and enumerated only when run: attribute arguments and xUnit's serialized theory data both go
    // through UTF-8, which turns a lone surrogate into U+FFFD.
    public static TheoryData<string, bool> Texts => new()
    {
        { "Grays", false }, { "café \ud83d\ude00 lunch club", false }, { "", false },
        { "x\0y", true }, { "\ud800", true }, { "a\udc00b", true }, { "end\ud83d", true },
    };

    [Theory]
    [MemberData(nameof(Texts), DisableDiscoveryEnumeration = true)]
    public void Nul_and_lone_surrogates_are_unsafe(string text, bool unsafeText) =>
        Assert.Equal(unsafeText, UnsafeText.IsUnsafe(text));

    [Theory]
    [InlineData("rm16%202jt", true)]
    [InlineData("caf%C3%A9+club", true)]
    [InlineData("%F0%9F%98%80", true)]
    [InlineData("100%", true)]
    [InlineData("%zz", true)]
    [InlineData("%2500", true)] // an encoded percent sign followed by 00: the text "%00"
    [InlineData("x%00y", false)]
    [InlineData("%C3%28", false)]
    [InlineData("%FF", false)]
    [InlineData("%ED%A0%80", false)] // UTF-8 for a lone surrogate
    [InlineData("%C3", false)]
    public void Url_components_must_decode_to_safe_utf8(string encoded, bool safe) =>
        Assert.Equal(safe, UnsafeText.IsSafeUrlComponent(encoded, plusIsSpace: true));
}
