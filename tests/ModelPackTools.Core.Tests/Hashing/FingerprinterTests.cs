using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class FingerprinterTests
{
    private const int TinyPart = 64;

    private const FingerprintKinds PerPartOnly = FingerprintKinds.ETag | FingerprintKinds.Sha256 | FingerprintKinds.Crc32
        | FingerprintKinds.Crc32Composite | FingerprintKinds.Crc32CComposite | FingerprintKinds.Crc64Nvme;

    // Tiny parts split into 7-byte chunks, so parts span several chunks and chunks end mid-append.
    private static readonly FingerprintOptions Tiny =
        new(FingerprintKinds.All, PartSizePolicy.FixedUnchecked(TinyPart)) { MaxChunkSize = 7, MaxDegreeOfParallelism = 4 };

    public static TheoryData<int> LengthsAroundTinyParts => new() { 0, 1, 63, 64, 65, 127, 128, 129, (64 * 37) + 5 };

    [Fact]
    public void Known_etag_vector_for_parts_aaaaa_bbbbb_cc()
    {
        var options = new FingerprintOptions(FingerprintKinds.All, PartSizePolicy.FixedUnchecked(5));
        using var fingerprinter = new Fingerprinter(options);
        fingerprinter.Append("aaaaabb"u8);
        fingerprinter.Append("bbbcc"u8);
        var result = fingerprinter.Complete();

        // ETag from S3's documented construction; the rest computed outside .NET (Python zlib/hashlib).
        Assert.Equal("e054baf8a790fa129a28b08515440e3e-3", result.ETag);
        Assert.Equal("w5Zujw==-3", result.Crc32Composite);
        Assert.Equal("yvQKjA==", result.Crc32);
        Assert.Equal("L0OmpQ==-3", result.Crc32CComposite);
        Assert.Equal("nRgsPw==", result.Crc32C);
        Assert.Equal("ancF1ATk3Tc=", result.Crc64Nvme);
        Assert.Equal("anbQBjvVp5Sr5UnUY3wk9oi+3YBkdJQqUodNC5mlcBA=-3", result.Sha256);
        Assert.Equal("920e4aec526ca94c0d4ded94567d1d68a382fbb7affa0e7d2a4f551fa427d65b", result.Sha256Hex);
        Assert.Equal((12L, true, 5L, 3), (result.Length, result.IsMultipart, result.PartSize, result.PartCount));
    }

    [Theory]
    [MemberData(nameof(LengthsAroundTinyParts))]
    public void Pushed_bytes_of_unknown_length_match_independent_digests(int length)
    {
        var data = Expected.RandomBytes(length, length);
        using var fingerprinter = new Fingerprinter(Tiny);
        AppendInOddPieces(fingerprinter, data);
        Assert.Equal(Expected.For(data, Tiny.PartSizes.Resolve(length)), fingerprinter.Complete());
    }

    [Theory]
    [MemberData(nameof(LengthsAroundTinyParts))]
    public void Pushed_bytes_of_known_length_match_independent_digests(int length)
    {
        var data = Expected.RandomBytes(length, length);
        using var fingerprinter = new Fingerprinter(Tiny, length);
        AppendInOddPieces(fingerprinter, data);
        Assert.Equal(Expected.For(data, Tiny.PartSizes.Resolve(length)), fingerprinter.Complete());
    }

    [Theory]
    [MemberData(nameof(LengthsAroundTinyParts))]
    public async Task Streams_seekable_or_not_match_independent_digests(int length)
    {
        var data = Expected.RandomBytes(length, length);
        var expected = Expected.For(data, Tiny.PartSizes.Resolve(length));

        Assert.Equal(expected, await Fingerprinter.ComputeAsync(new MemoryStream(data), Tiny));
        Assert.Equal(expected, await Fingerprinter.ComputeAsync(new TrickleStream(data), Tiny));
    }

    [Theory]
    [MemberData(nameof(LengthsAroundTinyParts))]
    public void Sequential_and_parallel_hashing_agree(int length)
    {
        var data = Expected.RandomBytes(length, length);
        Fingerprint Run(int parallelism)
        {
            using var fingerprinter = new Fingerprinter(Tiny with { MaxDegreeOfParallelism = parallelism });
            AppendInOddPieces(fingerprinter, data);
            return fingerprinter.Complete();
        }

        var sequential = Run(1);
        Assert.Equal(sequential, Run(2));
        Assert.Equal(sequential, Run(16));
        Assert.Equal(Expected.For(data, Tiny.PartSizes.Resolve(length)), sequential);
    }

    [Fact]
    public void Many_parts_in_parallel_match_manual_part_slices()
    {
        var data = Expected.RandomBytes(3_000_000, 7);
        var options = new FingerprintOptions(FingerprintKinds.All, PartSizePolicy.FixedUnchecked(100_000)) { MaxChunkSize = 30_000 };
        using var fingerprinter = new Fingerprinter(options);
        AppendInOddPieces(fingerprinter, data);
        var result = fingerprinter.Complete();
        Assert.Equal(30, result.PartCount);
        Assert.Equal(Expected.For(data, options.PartSizes.Resolve(data.Length)), result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((8 << 20) - 1)]
    [InlineData(8 << 20)]
    [InlineData((8 << 20) + 1)]
    [InlineData((3 * (8 << 20)) + 12_345)]
    public async Task Aws_cli_sizes_around_the_8_MiB_boundary(int length)
    {
        var data = Expected.RandomBytes(length, 11);
        var options = new FingerprintOptions(FingerprintKinds.All, PartSizePolicy.AwsCli);
        var expected = Expected.For(data, PartSizePolicy.AwsCli.Resolve(length));

        Assert.Equal(expected, await Fingerprinter.ComputeAsync(new MemoryStream(data), options));
        using var pushed = new Fingerprinter(options);
        AppendInOddPieces(pushed, data);
        Assert.Equal(expected, pushed.Complete());
    }

    [Fact]
    public void Only_what_was_asked_for_is_computed()
    {
        var options = new FingerprintOptions(FingerprintKinds.ETag | FingerprintKinds.Crc64Nvme, PartSizePolicy.FixedUnchecked(5));
        using var fingerprinter = new Fingerprinter(options);
        fingerprinter.Append("aaaaabbbbbcc"u8);
        var result = fingerprinter.Complete();
        Assert.Equal("e054baf8a790fa129a28b08515440e3e-3", result.ETag);
        Assert.Equal("ancF1ATk3Tc=", result.Crc64Nvme);
        Assert.Null(result.Md5Hex);
        Assert.Null(result.Sha256Hex);
        Assert.Null(result.Sha256);
        Assert.Null(result.Crc32);
        Assert.Null(result.Crc32CComposite);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(80_000, true)]
    public void Unknown_length_speculates_on_a_single_put_until_the_threshold(int length, bool multipart)
    {
        var data = Expected.RandomBytes(length, 3);
        var options = new FingerprintOptions(FingerprintKinds.All, TinyAwsCli) { MaxChunkSize = 5 };
        using var fingerprinter = new Fingerprinter(options);
        AppendInOddPieces(fingerprinter, data);
        var result = fingerprinter.Complete();
        Assert.Equal(multipart, result.IsMultipart);
        Assert.Equal(Expected.For(data, TinyAwsCli.Resolve(length)), result);
    }

    [Fact]
    public void Known_length_past_the_growth_point_uses_the_grown_part_size()
    {
        var data = Expected.RandomBytes(80_001, 4);
        var options = new FingerprintOptions(FingerprintKinds.All, TinyAwsCli);
        using var fingerprinter = new Fingerprinter(options, data.Length);
        fingerprinter.Append(data);
        var result = fingerprinter.Complete();
        Assert.Equal(16, result.PartSize);
        Assert.Equal(Expected.For(data, TinyAwsCli.Resolve(data.Length)), result);
    }

    [Fact]
    public void Unknown_length_past_the_growth_point_cannot_give_per_part_values()
    {
        var data = Expected.RandomBytes(80_001, 5);
        using var fingerprinter = new Fingerprinter(new FingerprintOptions(FingerprintKinds.ETag, TinyAwsCli));
        fingerprinter.Append(data);
        var error = Assert.Throws<InvalidOperationException>(fingerprinter.Complete);
        Assert.Contains("fingerprint the finished file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_length_past_the_growth_point_still_gives_whole_object_values()
    {
        var data = Expected.RandomBytes(80_001, 6);
        var kinds = FingerprintKinds.Crc64Nvme | FingerprintKinds.Crc32C | FingerprintKinds.Md5Hex | FingerprintKinds.Sha256Hex;
        using var fingerprinter = new Fingerprinter(new FingerprintOptions(kinds, TinyAwsCli));
        fingerprinter.Append(data);
        var result = fingerprinter.Complete();
        var expected = Expected.For(data, TinyAwsCli.Resolve(data.Length));
        Assert.Equal(
            (expected.Crc64Nvme, expected.Crc32C, expected.Md5Hex, expected.Sha256Hex),
            (result.Crc64Nvme, result.Crc32C, result.Md5Hex, result.Sha256Hex));
    }

    [Fact]
    public void A_single_put_over_5_GiB_is_refused_before_any_byte_is_read()
    {
        var options = new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.SinglePut);
        var error = Assert.Throws<S3LimitException>(() => new Fingerprinter(options, (5L << 30) + 1));
        Assert.Contains("single PUT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_length_different_from_the_expected_one_is_an_error()
    {
        using var fingerprinter = new Fingerprinter(Tiny, 10);
        fingerprinter.Append(new byte[9]);
        Assert.Throws<InvalidOperationException>(fingerprinter.Complete);
    }

    [Fact]
    public void Appending_after_completion_is_an_error()
    {
        using var fingerprinter = new Fingerprinter(Tiny);
        fingerprinter.Append("x"u8);
        fingerprinter.Complete();
        Assert.Throws<InvalidOperationException>(() => fingerprinter.Append("y"u8));
    }

    [Fact]
    public void Disposing_without_completing_releases_everything()
    {
        var fingerprinter = new Fingerprinter(Tiny);
        fingerprinter.Append(Expected.RandomBytes(1000, 8));
        fingerprinter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => fingerprinter.Append("y"u8));
    }

    [Fact]
    public async Task Stream_wrapper_passes_bytes_through_and_fingerprints_them()
    {
        var data = Expected.RandomBytes(1000, 9);
        using var fingerprinter = new Fingerprinter(Tiny);
        using var copy = new MemoryStream();
        await using (var stream = new FingerprintStream(fingerprinter, copy, leaveOpen: true))
        {
            stream.Write(data, 0, 300);
            await stream.WriteAsync(data.AsMemory(300, 450));
            stream.Write(data.AsSpan(750));
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(Expected.For(data, Tiny.PartSizes.Resolve(data.Length)), await fingerprinter.CompleteAsync());
    }

    [Fact]
    public async Task Many_files_in_parallel_match_one_at_a_time()
    {
        var directory = Directory.CreateTempSubdirectory("modelpack-hashing-");
        try
        {
            int[] lengths = [0, 1, 64, 65, 5000, 100_000, 3, 640];
            var paths = new List<string>();
            foreach (var (length, i) in lengths.Select((l, i) => (l, i)))
            {
                var path = Path.Combine(directory.FullName, $"file{i}.bin");
                await File.WriteAllBytesAsync(path, Expected.RandomBytes(length, i));
                paths.Add(path);
            }

            // Everything (streamed in order), and per-part values only (read at each part's offset).
            var many = await Fingerprinter.ComputeManyAsync(paths, Tiny with { MaxChunkSize = 1000 });
            var perPart = await Fingerprinter.ComputeManyAsync(paths, Tiny with { Kinds = PerPartOnly });

            Assert.Equal(lengths.Length, many.Count);
            for (var i = 0; i < lengths.Length; i++)
            {
                var data = await File.ReadAllBytesAsync(paths[i]);
                var plan = Tiny.PartSizes.Resolve(data.Length);
                Assert.Equal(Expected.For(data, plan), many[i]);
                Assert.Equal(Expected.For(data, plan, PerPartOnly), perPart[i]);
                Assert.Equal(many[i], await Fingerprinter.ComputeAsync(paths[i], Tiny));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(LengthsAroundTinyParts))]
    public async Task Files_hashed_part_by_part_at_their_offsets_match_independent_digests(int length)
    {
        // No whole-object digest is asked for, so multipart files take the positional path.
        var options = Tiny with { Kinds = PerPartOnly };
        var data = Expected.RandomBytes(length, length);
        Assert.Equal(Expected.For(data, options.PartSizes.Resolve(length), PerPartOnly), await ComputeFileAsync(data, options));
    }

    [Theory]
    [InlineData(FingerprintKinds.ETag)]
    [InlineData(PerPartOnly)]
    public async Task Files_with_parts_longer_than_one_read_match_independent_digests(FingerprintKinds kinds)
    {
        // 100,003-byte parts: several reads per part, and MD5 blocks that do not end where the parts do.
        var options = new FingerprintOptions(kinds, PartSizePolicy.FixedUnchecked(100_003));
        var data = Expected.RandomBytes((17 * 100_003) + 1234, 12);
        Assert.Equal(Expected.For(data, options.PartSizes.Resolve(data.Length), kinds), await ComputeFileAsync(data, options));
    }

    // aws-cli's rule at a thousandth of a millionth of the scale: multipart from 8 bytes, 8-byte parts doubled past 10,000.
    private static PartSizePolicy TinyAwsCli { get; } = new("tiny-aws-cli", PartSizePolicy.Growth.DoubleToFit, 8, 8);

    private static async Task<Fingerprint> ComputeFileAsync(byte[] data, FingerprintOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"modelpack-hashing-{Guid.NewGuid():N}.bin");
        try
        {
            await File.WriteAllBytesAsync(path, data);
            return await Fingerprinter.ComputeAsync(path, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AppendInOddPieces(Fingerprinter fingerprinter, byte[] data)
    {
        int[] sizes = [1, 13, 0, 64, 3, 200, 7, 4096, 65_537];
        var offset = 0;
        for (var i = 0; offset < data.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], data.Length - offset);
            fingerprinter.Append(data.AsSpan(offset, size));
            offset += size;
        }
    }

    // A non-seekable stream that returns fewer bytes than asked, like a pipe.
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 11), data.Length - this.position);
            data.AsSpan(this.position, n).CopyTo(buffer.AsSpan(offset));
            this.position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
