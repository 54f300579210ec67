using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("5242880", 5_242_880L)]
    [InlineData("8MiB", 8L * 1024 * 1024)]
    [InlineData("8mib", 8L * 1024 * 1024)]
    [InlineData(" 8 MiB ", 8L * 1024 * 1024)]
    [InlineData("16MB", 16_000_000L)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("5GB", 5_000_000_000L)]
    [InlineData("64KiB", 65_536L)]
    [InlineData("2TiB", 2L << 40)]
    [InlineData("100B", 100L)]
    [InlineData("0", 0L)]
    public void Parses_bytes_with_iec_and_si_units(string text, long expected) => Assert.Equal(expected, ByteSize.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("MiB")]
    [InlineData("8M")]
    [InlineData("8 megabytes")]
    [InlineData("1.5GiB")]
    [InlineData("-5")]
    [InlineData("99999999999TiB")]
    public void Rejects_what_is_not_a_size(string text) => Assert.Throws<FormatException>(() => ByteSize.Parse(text));

    [Theory]
    [InlineData(8L * 1024 * 1024, "8MiB")]
    [InlineData(16_000_000L, "16MB")]
    [InlineData(8_724_153L, "8724153B")]
    [InlineData(5L << 30, "5GiB")]
    [InlineData(0L, "0B")]
    public void Spells_the_shortest_exact_spelling(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Spell(bytes));
        Assert.Equal(bytes, ByteSize.Parse(expected));
    }

    [Theory]
    [InlineData(31_460_470L, "30.0 MiB")] // the three neighbours, which printed 31460470B, 30MiB and 30725KiB
    [InlineData(30L << 20, "30.0 MiB")]
    [InlineData(30_725L << 10, "30.0 MiB")]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1126L, "1.1 KiB")]
    [InlineData(5L << 30, "5.0 GiB")]
    [InlineData(3L << 40, "3.0 TiB")]
    public void Formats_every_size_for_people_the_same_way(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));
}
