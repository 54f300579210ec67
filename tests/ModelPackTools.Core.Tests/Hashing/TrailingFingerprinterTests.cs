using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

// The fingerprinter that reads parts back while the file is still being written must give exactly what hashing the
// finished bytes gives: around part and eight-part boundaries, inline and on the thread pool, and when the final
// length changes the plan it guessed (a single PUT, or a policy that grows its part size).
public sealed class TrailingFingerprinterTests : IDisposable
{
    private const FingerprintKinds PerPartOnly = FingerprintKinds.ETag | FingerprintKinds.Sha256 | FingerprintKinds.Crc32
        | FingerprintKinds.Crc32Composite | FingerprintKinds.Crc32CComposite | FingerprintKinds.Crc64Nvme;

    private readonly string folder = Directory.CreateTempSubdirectory("trailing-").FullName;

    // 100-byte parts: lanes of eight full parts (800 bytes), a last part of any length, and reads not a multiple of 64.
    public static TheoryData<int, int> LengthsAndParallelism => new()
    {
        { 0, 1 }, { 1, 1 }, { 100, 4 }, { 101, 1 }, { 799, 4 }, { 800, 1 }, { 801, 4 }, { 1600, 4 }, { (100 * 19) + 37, 1 }, { (100 * 19) + 37, 4 },
    };

    [Theory]
    [MemberData(nameof(LengthsAndParallelism))]
    public async Task Parts_hashed_while_written_match_independent_digests(int length, int parallelism)
    {
        var options = new FingerprintOptions(PerPartOnly, PartSizePolicy.FixedUnchecked(100)) { MaxDegreeOfParallelism = parallelism };
        var data = Expected.RandomBytes(length, length);
        Assert.Equal(Expected.For(data, options.PartSizes.Resolve(length), PerPartOnly), await this.WriteAndHash(data, options));
    }

    [Fact]
    public async Task A_single_put_is_hashed_again_whole()
    {
        // aws-cli uploads anything under 8 MiB in one PUT, whose ETag is the MD5 of the whole object.
        var options = new FingerprintOptions(FingerprintKinds.ETag | FingerprintKinds.Crc32, PartSizePolicy.AwsCli) { MaxDegreeOfParallelism = 4 };
        var data = Expected.RandomBytes(3000, 7);
        Assert.Equal(Expected.For(data, options.PartSizes.Resolve(data.Length), options.Kinds), await this.WriteAndHash(data, options));
    }

    [Fact]
    public async Task A_part_size_that_grows_with_the_length_is_hashed_again()
    {
        // 64-byte parts doubled until at most 10,000 parts: 10,001 x 64 bytes needs 128-byte parts.
        var policy = new PartSizePolicy("doubling", PartSizePolicy.Growth.DoubleToFit, 64, 64);
        var options = new FingerprintOptions(FingerprintKinds.ETag, policy) { MaxDegreeOfParallelism = 4 };
        var data = Expected.RandomBytes(64 * 10_001, 3);
        var result = await this.WriteAndHash(data, options);
        Assert.Equal(128, result.PartSize);
        Assert.Equal(Expected.For(data, policy.Resolve(data.Length), options.Kinds), result);
    }

    [Theory]
    [InlineData(FingerprintKinds.Md5Hex)]
    [InlineData(FingerprintKinds.Sha256Hex)]
    public void Digests_of_the_whole_object_in_order_are_left_to_the_streaming_fingerprinter(FingerprintKinds whole)
    {
        var options = new FingerprintOptions(FingerprintKinds.ETag | whole, PartSizePolicy.FixedUnchecked(100));
        Assert.Null(TrailingFingerprinter.TryCreate(Path.Combine(this.folder, "unused"), options, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    // Writes in odd pieces, telling the fingerprinter after each one, as the packer does.
    private async Task<Fingerprint> WriteAndHash(byte[] data, FingerprintOptions options)
    {
        var path = Path.Combine(this.folder, $"file-{Guid.NewGuid():N}");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1);
        using var fingerprinter = TrailingFingerprinter.TryCreate(path, options, CancellationToken.None)!;
        int[] sizes = [1, 13, 0, 64, 3, 200, 7, 450, 99];
        var offset = 0;
        for (var i = 0; offset < data.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], data.Length - offset);
            file.Write(data, offset, size);
            offset += size;
            file.Flush();
            fingerprinter.Written(offset);
        }

        return await fingerprinter.CompleteAsync(data.Length);
    }
}
