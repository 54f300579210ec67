using System.Buffers.Binary;
using ModelPackTools.Archives;
using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Archives;

public sealed class ParallelGzipFramingTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(6, 0)]
    [InlineData(9, 2)]
    public void Header_has_no_name_no_mtime_and_os_unknown(int level, byte extraFlags)
    {
        var gzip = GzipTestData.Compress(GzipTestData.Text(100), new ParallelGzipOptions { Level = level });

        Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, extraFlags, 255 }, gzip[..10]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200_000)]
    public void Trailer_holds_the_crc_and_length_of_the_input(int size)
    {
        var data = GzipTestData.Text(size);
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock });

        Assert.Equal(Crc32.Compute(data), BinaryPrimitives.ReadUInt32LittleEndian(gzip.AsSpan(gzip.Length - 8)));
        Assert.Equal((uint)size, BinaryPrimitives.ReadUInt32LittleEndian(gzip.AsSpan(gzip.Length - 4)));
    }

    [Fact]
    public void Empty_input_is_a_header_a_final_empty_block_and_a_zero_trailer()
    {
        var gzip = GzipTestData.Compress([], new ParallelGzipOptions());

        Assert.Equal(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, gzip);
    }

    [Theory]
    [InlineData(GzipTestData.SmallBlock)]
    [InlineData(ParallelGzipOptions.DefaultBlockSize)]
    public void Random_data_is_stored_and_never_grows_beyond_the_framing(int blockSize)
    {
        var data = GzipTestData.Random((2 * blockSize) + 999);
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { Level = 1, BlockSize = blockSize });

        Assert.Equal(GzipTestData.Framing + GzipTestData.StoredSize(data.Length, blockSize), gzip.Length);
        Assert.Equal(data, GzipTestData.Decompress(gzip));
    }

    [Fact]
    public void Level_0_stores_everything()
    {
        var data = GzipTestData.Text((3 * GzipTestData.SmallBlock) + 5);
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { Level = 0, BlockSize = GzipTestData.SmallBlock });

        Assert.Equal(GzipTestData.Framing + GzipTestData.StoredSize(data.Length, GzipTestData.SmallBlock), gzip.Length);
        Assert.Equal(data, GzipTestData.Decompress(gzip));
    }

    [Fact]
    public void Weights_shrink_like_gzip_does()
    {
        var data = GzipTestData.Weights(4 * GzipTestData.SmallBlock);
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock });

        // N(0, 0.02) float32 compresses to about 92.7% with gzip -6.
        Assert.InRange(gzip.Length, data.Length * 0.90, data.Length * 0.94);
    }
}
