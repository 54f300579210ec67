using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

public sealed class ParallelGzipDeterminismTests
{
    public static TheoryData<string> Kinds => ["text", "weights", "random", "mixed"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Bytes_are_identical_for_1_2_and_4_threads(string kind)
    {
        var data = Input(kind);
        var one = Compress(data, threads: 1);

        Assert.Equal(one, Compress(data, threads: 2));
        Assert.Equal(one, Compress(data, threads: 4));
    }

    [Fact]
    public void Bytes_do_not_depend_on_how_the_writes_are_cut_or_flushed()
    {
        var data = Input("mixed");
        var options = new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock, Threads = 2 };
        var expected = GzipTestData.Compress(data, options, chunk: data.Length);

        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, options, leaveOpen: true))
        {
            var random = new Random(7);
            var offset = 0;
            while (offset < data.Length)
            {
                var count = Math.Min(random.Next(1, 20_000), data.Length - offset);
                gzip.Write(data, offset, count);
                gzip.Flush();
                offset += count;
            }
        }

        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void Default_block_size_output_is_identical_for_1_and_2_threads()
    {
        var data = Input("mixed", blocks: 3, blockSize: ParallelGzipOptions.DefaultBlockSize);

        Assert.Equal(
            GzipTestData.Compress(data, new ParallelGzipOptions { Threads = 1 }),
            GzipTestData.Compress(data, new ParallelGzipOptions { Threads = 2 }));
    }

    private static byte[] Compress(byte[] data, int threads) =>
        GzipTestData.Compress(data, new ParallelGzipOptions { BlockSize = GzipTestData.SmallBlock, Threads = threads });

    private static byte[] Input(string kind, int blocks = 9, int blockSize = GzipTestData.SmallBlock)
    {
        var length = (blocks * blockSize) + 333;
        return kind switch
        {
            "text" => GzipTestData.Text(length),
            "weights" => GzipTestData.Weights(length),
            "random" => GzipTestData.Random(length),
            _ => [.. GzipTestData.Text(length / 3), .. GzipTestData.Weights(length / 3), .. GzipTestData.Random(length / 3)],
        };
    }
}
