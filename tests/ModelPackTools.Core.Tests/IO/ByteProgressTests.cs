using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Packing;

namespace ModelPackTools.Core.Tests.IO;

public sealed class ByteProgressTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => this.work.Dispose();

    private sealed class Recorder : IByteProgress
    {
        private long done;

        public long Total { get; private set; } = -1;

        public long Done => Interlocked.Read(ref this.done);

        public void Start(long totalBytes) => this.Total = totalBytes;

        public void Advance(long bytes) => Interlocked.Add(ref this.done, bytes);
    }

    [Fact]
    public void Pack_announces_the_input_size_and_reports_every_byte()
    {
        this.work.Write("m/a.bin", new string('a', 300_000));
        this.work.Write("m/b/c.bin", "ccc");
        var progress = new Recorder();

        Writers.Pack(this.work.Combine("m"), this.work.Combine("m.tar.gz"), new PackOptions { Progress = progress });

        Assert.Equal(300_003, progress.Total);
        Assert.Equal(300_003, progress.Done);
    }

    [Theory]
    [InlineData(FingerprintKinds.ETag)] // per-part reads at each part's offset
    [InlineData(FingerprintKinds.ETag | FingerprintKinds.Md5Hex)] // one sequential stream
    public async Task Hashing_many_files_reports_every_byte_on_both_read_paths(FingerprintKinds kinds)
    {
        var big = new byte[(17 << 20) + 5];
        File.WriteAllBytes(this.work.Write("big.bin"), big);
        var small = this.work.Write("small.txt", "hello");
        var progress = new Recorder();

        await Fingerprinter.ComputeManyAsync([this.work.Combine("big.bin"), small], new FingerprintOptions(kinds, PartSizePolicy.Fixed(5 << 20)) { Progress = progress });

        Assert.Equal(big.Length + 5, progress.Done);
    }
}
