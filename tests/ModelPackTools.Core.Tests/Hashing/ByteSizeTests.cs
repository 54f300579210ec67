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
    public void Formats_the_shortest_exact_spelling(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
        Assert.Equal(bytes, ByteSize.Parse(expected));
    }
}
