using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

public sealed class ParallelGzipRoundTripTests
{
    public static TheoryData<int> Sizes =>
    [
        0,
        1,
        GzipTestData.SmallBlock - 1,
        GzipTestData.SmallBlock,
        GzipTestData.SmallBlock + 1,
        (5 * GzipTestData.SmallBlock) + 12345,
    ];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Text_round_trips_through_GZipStream(int size) => AssertRoundTrip(GzipTestData.Text(size));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Random_bytes_round_trip_through_GZipStream(int size) => AssertRoundTrip(GzipTestData.Random(size));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Float_weights_round_trip_through_GZipStream(int size) => AssertRoundTrip(GzipTestData.Weights(size));

    [Fact]
    public void Zeros_shrink_to_almost_nothing_and_round_trip()
    {
        var data = new byte[(4 * GzipTestData.SmallBlock) + 1];
        var gzip = GzipTestData.Compress(data, new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock });

        Assert.InRange(gzip.Length, 1, data.Length / 100);
        Assert.Equal(data, GzipTestData.Decompress(gzip));
    }

    [Fact]
    public void Default_block_size_round_trips_across_several_blocks()
    {
        var data = new byte[(3 * ParallelGzipOptions.DefaultBlockSize) + 7];
        GzipTestData.Text(data.Length / 2).CopyTo(data, 0);
        GzipTestData.Weights(data.Length / 2).CopyTo(data, data.Length / 2);

        Assert.Equal(data, GzipTestData.Decompress(GzipTestData.Compress(data, new ParallelGzipOptions())));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(9)]
    public void Every_level_round_trips(int level)
    {
        var data = GzipTestData.Text(3 * GzipTestData.SmallBlock);
        var options = new ParallelGzipOptions { Level = level, BlockSize = GzipTestData.SmallBlock };

        Assert.Equal(data, GzipTestData.Decompress(GzipTestData.Compress(data, options)));
    }

    [Fact]
    public void Single_byte_writes_round_trip()
    {
        var data = GzipTestData.Text(5000);
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, new ParallelGzipOptions { BlockSize = 1024 }, leaveOpen: true))
        {
            foreach (var b in data)
            {
                gzip.WriteByte(b);
            }
        }

        Assert.Equal(data, GzipTestData.Decompress(output.ToArray()));
    }

    private static void AssertRoundTrip(byte[] data)
    {
        var options = new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock, Threads = 2 };
        Assert.Equal(data, GzipTestData.Decompress(GzipTestData.Compress(data, options)));
    }
}
