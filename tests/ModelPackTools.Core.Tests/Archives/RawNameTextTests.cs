using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Core.Tests.Archives;

public class RawNameTextTests
{
    private static readonly byte[] Latin1Cafe = [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74]; // "café.txt" in Latin-1
    private static readonly byte[] Latin1Cafe8 = [0x63, 0x61, 0x66, 0xE8, 0x2E, 0x74, 0x78, 0x74]; // "cafè.txt" in Latin-1
    private static readonly byte[] Koi8Privet = [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]; // "привет" in KOI8-R

    [Fact]
    public void Valid_utf8_decodes_as_itself()
    {
        var text = RawNameText.Decode(Encoding.UTF8.GetBytes("café/模型.bin"), out var invalid);

        Assert.False(invalid);
        Assert.Equal("café/模型.bin", text);
        Assert.False(RawNameText.HasRawBytes(text));
        Assert.Equal("café/模型.bin", RawNameText.Display(text));
    }

    [Fact]
    public void Names_that_differ_only_in_undecodable_bytes_stay_different()
    {
        var e9 = RawNameText.Decode(Latin1Cafe, out var invalid9);
        var e8 = RawNameText.Decode(Latin1Cafe8, out var invalid8);

        Assert.True(invalid9 && invalid8);
        Assert.NotEqual(e9, e8);
        Assert.Equal(@"caf\xe9.txt", RawNameText.Display(e9));
        Assert.Equal(@"caf\xe8.txt", RawNameText.Display(e8));
    }

    [Theory]
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74 })]
    [InlineData(new byte[] { 0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4 })]
    [InlineData(new byte[] { 0xC3, 0xA9, 0xFF, 0xC3, 0x2F, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0, 0x80 })] // é, bad, cut é, '/', emoji, an encoded surrogate
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })] // a 4-byte sequence cut short
    public void Encoding_gives_the_stored_bytes_back(byte[] stored)
    {
        var text = RawNameText.Decode(stored, out _);

        Assert.Equal(stored, RawNameText.Encode(text));
        Assert.Equal(stored.Length, RawNameText.ByteCount(text));
    }

    [Fact]
    public void Koi8_name_is_shown_byte_by_byte()
    {
        var text = RawNameText.Decode(Koi8Privet, out var invalid);

        Assert.True(invalid);
        Assert.Equal(@"\xd0\xd2\xc9\xd7\xc5\xd4", RawNameText.Display(text));
    }

    [Fact]
    public void Valid_characters_around_bad_bytes_are_kept()
    {
        var text = RawNameText.Decode([0xC3, 0xA9, 0xFF, 0x2F, 0xF0, 0x9F, 0x98, 0x80], out _);

        Assert.Equal("é\\xff/😀", RawNameText.Display(text));
    }

    [Fact]
    public void Diagnostics_show_escaped_bytes_in_path_and_message()
    {
        var name = RawNameText.Decode(Latin1Cafe, out _);
        var diagnostic = DiagnosticCatalog.DuplicatePath.Create(name, name, 1, 2);

        Assert.Equal(@"caf\xe9.txt", diagnostic.Path);
        Assert.Contains(@"caf\xe9.txt", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(RawNameText.HasRawBytes(diagnostic.Message));
        Assert.Equal(@"caf\xe8.txt", (diagnostic with { Path = RawNameText.Decode(Latin1Cafe8, out _) }).Path);
    }
}
