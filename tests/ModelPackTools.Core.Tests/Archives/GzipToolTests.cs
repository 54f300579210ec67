using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

/// <summary>GZipStream is zlib too; gzip is the decoder users run, so it gets the last word.</summary>
public sealed class GzipToolTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 6)]
    [InlineData((3 * GzipTestData.SmallBlock) + 1, 6)]
    [InlineData((3 * GzipTestData.SmallBlock) + 1, 0)]
    [InlineData((3 * GzipTestData.SmallBlock) + 1, 9)]
    [InlineData((3 * GzipTestData.SmallBlock) + 1, 1)]
    public void Gzip_tests_the_member_clean_and_restores_the_input(int size, int level)
    {
        byte[] data = [.. GzipTestData.Text(size / 2), .. GzipTestData.Weights(size - (size / 2))];
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { Level = level, BlockSize = GzipTestData.SmallBlock });

        var (testExit, _, testErrors) = GzipTool.Run("-t", gzip);
        Assert.True(testExit == 0, testErrors);

        var (decompressExit, decompressed, errors) = GzipTool.Run("-dc", gzip);
        Assert.True(decompressExit == 0, errors);
        Assert.Equal(data, decompressed);
    }

    [Fact]
    public void Gzip_restores_random_data_written_as_stored_blocks()
    {
        var data = GzipTestData.Random((2 * GzipTestData.SmallBlock) + 3);
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock });

        var (exit, decompressed, errors) = GzipTool.Run("-dc", gzip);

        Assert.True(exit == 0, errors);
        Assert.Equal(data, decompressed);
    }
}
