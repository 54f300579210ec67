using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

public sealed class ParallelGzipLifecycleTests
{
    [Fact]
    public void Complete_then_Dispose_writes_the_trailer_once()
    {
        var data = GzipTestData.Text(1000);
        using var output = new MemoryStream();
        var gzip = new ParallelGzipStream(output, leaveOpen: true);
        gzip.Write(data);
        gzip.Complete();
        var length = output.Length;
        gzip.Complete();
        gzip.Dispose();
        gzip.Dispose();

        Assert.Equal(length, output.Length);
        Assert.Equal(data, GzipTestData.Decompress(output.ToArray()));
    }

    [Fact]
    public void Writing_after_Complete_throws()
    {
        using var gzip = new ParallelGzipStream(new MemoryStream());
        gzip.Complete();

        Assert.False(gzip.CanWrite);
        Assert.Throws<InvalidOperationException>(() => gzip.WriteByte(1));
    }

    [Fact]
    public void Writing_after_Dispose_throws()
    {
        var gzip = new ParallelGzipStream(new MemoryStream());
        gzip.Dispose();

        Assert.Throws<ObjectDisposedException>(() => gzip.WriteByte(1));
    }

    [Fact]
    public void Output_is_closed_unless_left_open()
    {
        var closed = new MemoryStream();
        new ParallelGzipStream(closed).Dispose();
        var open = new MemoryStream();
        new ParallelGzipStream(open, leaveOpen: true).Dispose();

        Assert.False(closed.CanWrite);
        Assert.True(open.CanWrite);
    }

    [Fact]
    public void Cancellation_surfaces_on_write_and_no_trailer_is_written()
    {
        using var cancellation = new CancellationTokenSource();
        using var output = new MemoryStream();
        var gzip = new ParallelGzipStream(output, new ParallelGzipOptions { BlockSize = 1024 }, leaveOpen: true, cancellation.Token);
        gzip.Write(GzipTestData.Text(10_000));
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => gzip.Write(GzipTestData.Text(10_000)));
        Assert.Throws<InvalidOperationException>(() => gzip.WriteByte(1));
        gzip.Dispose();
        Assert.NotEqual(0, GzipTool.Run("-t", output.ToArray()).ExitCode);
    }

    [Fact]
    public void Cancellation_before_the_end_surfaces_on_Dispose()
    {
        using var cancellation = new CancellationTokenSource();
        var gzip = new ParallelGzipStream(new MemoryStream(), new ParallelGzipOptions { BlockSize = 1024, Threads = 1 }, cancellationToken: cancellation.Token);
        gzip.Write(GzipTestData.Text(1500));
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(gzip.Dispose);
    }

    [Fact]
    public void A_failing_output_surfaces_on_Dispose_and_leaves_the_stream_failed()
    {
        var gzip = new ParallelGzipStream(new FailingStream(), new ParallelGzipOptions { BlockSize = 1024 });
        gzip.Write(GzipTestData.Text(500));

        Assert.Throws<IOException>(gzip.Dispose);
    }

    [Fact]
    public void A_failing_output_surfaces_on_Write()
    {
        using var gzip = new ParallelGzipStream(new FailingStream(), new ParallelGzipOptions { BlockSize = 1024, Threads = 1 });

        Assert.Throws<IOException>(() => gzip.Write(GzipTestData.Text(100_000)));
        Assert.Throws<InvalidOperationException>(() => gzip.WriteByte(1));
    }

    [Theory]
    [InlineData(-1, ParallelGzipOptions.DefaultBlockSize, 1)]
    [InlineData(10, ParallelGzipOptions.DefaultBlockSize, 1)]
    [InlineData(6, ParallelGzipOptions.MinBlockSize - 1, 1)]
    [InlineData(6, ParallelGzipOptions.MaxBlockSize + 1, 1)]
    [InlineData(6, ParallelGzipOptions.DefaultBlockSize, 0)]
    public void Options_out_of_range_are_rejected(int level, int blockSize, int threads)
    {
        var options = new ParallelGzipOptions { Level = level, BlockSize = blockSize, Threads = threads };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelGzipStream(new MemoryStream(), options));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }
}
