using ModelPackTools.Archives.Deflate;
using ModelPackTools.Tests.Archives;

namespace ModelPackTools.Tests.Archives.Deflate;

public sealed class LiteralBlockEncoderTests
{
    public static TheoryData<string> Kinds => ["random", "skewed", "deep", "same", "weights", "text", "one", "empty", "two-values"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_segment_decodes_with_SharpZipLib_and_zlib(string kind)
    {
        var data = Input(kind);
        var deflate = DeflateDecoders.Terminate(Encode(data));

        Assert.Equal(data, DeflateDecoders.SharpZipLib(deflate, data.Length));
        Assert.Equal(data, DeflateDecoders.Zlib(deflate));
    }

    [Fact]
    public void Segments_concatenate_into_one_stream()
    {
        var first = Input("weights");
        var second = Input("text");
        var third = Input("one");
        var deflate = DeflateDecoders.Terminate(Encode(first), Encode(second), Encode(third));

        byte[] expected = [.. first, .. second, .. third];
        Assert.Equal(expected, DeflateDecoders.SharpZipLib(deflate, expected.Length));
        Assert.Equal(expected, DeflateDecoders.Zlib(deflate));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_planned_length_is_the_written_length(string kind)
    {
        var data = Input(kind);
        var plan = LiteralBlockEncoder.Plan(data);
        var output = new byte[plan.SegmentLength + DeflateBitWriter.Slack];

        Assert.Equal(plan.SegmentLength, LiteralBlockEncoder.Encode(data, plan, output));
    }

    [Fact]
    public void A_segment_ends_with_the_sync_flush_marker() =>
        Assert.Equal(new byte[] { 0, 0, 0xFF, 0xFF }, Encode(Input("weights"))[^4..]);

    [Fact]
    public void A_segment_starts_a_non_final_dynamic_block() =>
        Assert.Equal(0b100, Encode(Input("skewed"))[0] & 0b111);

    [Fact]
    public void All_same_bytes_cost_about_one_bit_each()
    {
        var data = Input("same");

        // 1 bit per byte plus a header of a few dozen bytes: the EOB symbol shares the tree with the one literal.
        Assert.InRange(LiteralBlockEncoder.Plan(data).SegmentLength, data.Length / 8, (data.Length / 8) + 64);
    }

    [Fact]
    public void Weights_shrink_like_zlib_Huffman_only()
    {
        var data = GzipTestData.Weights(1 << 20);

        // zlib-ng's Huffman-only gives about 0.9265 of normal float32; one tree per block must not do worse.
        Assert.InRange(LiteralBlockEncoder.Plan(data).SegmentLength, 0.90 * data.Length, 0.93 * data.Length);
    }

    [Theory]
    [InlineData("random", 1, 11)]
    [InlineData("deep", 12, 14)]
    [InlineData("skewed", 15, 15)]
    public void Each_bit_packing_loop_is_exercised(string kind, int shortest, int longest)
    {
        // The bit packer fits five codes per store up to 11 bits, four up to 14, three at 15: these inputs reach each
        // loop, and the round trip in A_segment_decodes_with_SharpZipLib_and_zlib checks its bits.
        Assert.InRange(LiteralBlockEncoder.Plan(Input(kind)).MaxLength, shortest, longest);
    }

    [Fact]
    public void One_byte_has_a_known_encoding()
    {
        // Pinned bytes: any change to tree building, header coding or bit packing changes them, and with them
        // every archive's ETag.
        Assert.Equal("BMGBAAAAAACQNv9TEAAA//8=", Convert.ToBase64String(Encode([0x41])));
    }

    private static byte[] Encode(byte[] data)
    {
        var plan = LiteralBlockEncoder.Plan(data);
        var output = new byte[plan.SegmentLength + DeflateBitWriter.Slack];
        var length = LiteralBlockEncoder.Encode(data, plan, output);
        return output[..length];
    }

    private static byte[] Input(string kind)
    {
        var random = new Random(11);
        return kind switch
        {
            "random" => GzipTestData.Random(200_001),
            "weights" => GzipTestData.Weights(300_000),
            "text" => GzipTestData.Text(100_000),
            "same" => Enumerable.Repeat((byte)0x7F, 100_000).ToArray(),
            "one" => [0xFF],
            "empty" => [],
            "two-values" => Enumerable.Range(0, 5000).Select(i => (byte)(i % 3 == 0 ? 0 : 255)).ToArray(),

            // Geometric byte values: a deep tree that must be cut to 15 bits.
            "skewed" => Enumerable.Range(0, 400_000).Select(_ => (byte)Math.Min(255, (int)(-Math.Log(1 - random.NextDouble()) * 3))).ToArray(),
            // Byte value b exactly twice as frequent as b + 1 for thirteen values, shuffled: a chain of a tree whose
            // longest codes are 13-14 bits (with the end-of-block symbol).
            "deep" => Enumerable.Range(0, 13).SelectMany(b => Enumerable.Repeat((byte)b, 16 << (12 - b))).Append((byte)13)
                .OrderBy(_ => random.Next()).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
