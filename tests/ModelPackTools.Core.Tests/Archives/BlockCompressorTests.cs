using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

public sealed class BlockCompressorTests
{
    [Fact]
    public void A_compressed_segment_ends_with_a_sync_flush()
    {
        var block = Block(GzipTestData.Text(50_000));

        BlockCompressor.Compress(block, 6, CancellationToken.None);

        Assert.False(block.IsStored);
        var segment = new MemoryStream();
        block.WriteTo(segment);
        Assert.Equal(new byte[] { 0, 0, 0xFF, 0xFF }, segment.ToArray()[^4..]);
        block.Release();
    }

    [Fact]
    public void A_block_that_would_grow_is_stored()
    {
        var block = Block(GzipTestData.Random(50_000));

        BlockCompressor.Compress(block, 6, CancellationToken.None);

        Assert.True(block.IsStored);
        block.Release();
    }

    [Fact]
    public void Float_weights_are_coded_Huffman_only() =>
        Assert.True(HuffmanProbe.PrefersHuffmanOnly(GzipTestData.Weights(GzipTestData.SmallBlock), 6));

    [Fact]
    public void Text_keeps_string_matching() =>
        Assert.False(HuffmanProbe.PrefersHuffmanOnly(GzipTestData.Text(GzipTestData.SmallBlock), 6));

    [Fact]
    public void A_block_too_small_to_judge_keeps_string_matching() =>
        Assert.False(HuffmanProbe.PrefersHuffmanOnly(GzipTestData.Weights(1000), 6));

    private static GzipBlock Block(byte[] data)
    {
        var block = new GzipBlock(data.Length);
        block.Append(data);
        return block;
    }
}
