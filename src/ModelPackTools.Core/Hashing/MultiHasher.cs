using System.IO.Hashing;
using System.Security.Cryptography;

namespace ModelPackTools.Hashing;

/// <summary>Several digests over the same run of bytes, fed once.</summary>
internal sealed class MultiHasher : IDisposable
{
    // Feeding every digest one slice at a time keeps the slice in the core's L2 cache for all of them.
    private const int SliceSize = 128 * 1024;

    private readonly IncrementalHash? md5;
    private readonly IncrementalHash? sha256;
    private readonly System.IO.Hashing.Crc32? crc32;
    private readonly System.IO.Hashing.Crc32? crc32C;
    private readonly Crc64? crc64Nvme;
    private long length;

    public MultiHasher(DigestKinds kinds)
    {
        // S3 defines the ETag with MD5; it identifies content here and protects nothing.
#pragma warning disable CA5351
        this.md5 = kinds.HasFlag(DigestKinds.Md5) ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
#pragma warning restore CA5351
        this.sha256 = kinds.HasFlag(DigestKinds.Sha256) ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        this.crc32 = kinds.HasFlag(DigestKinds.Crc32) ? new System.IO.Hashing.Crc32() : null;
        this.crc32C = kinds.HasFlag(DigestKinds.Crc32C) ? new System.IO.Hashing.Crc32(Crc32ParameterSet.Crc32C) : null;
        this.crc64Nvme = kinds.HasFlag(DigestKinds.Crc64Nvme) ? new Crc64(Crc64ParameterSet.Nvme) : null;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        this.length += data.Length;
        while (!data.IsEmpty)
        {
            var slice = data[..Math.Min(SliceSize, data.Length)];
            this.md5?.AppendData(slice);
            this.sha256?.AppendData(slice);
            this.crc32?.Append(slice);
            this.crc32C?.Append(slice);
            this.crc64Nvme?.Append(slice);
            data = data[slice.Length..];
        }
    }

    public Digests Finish()
    {
        var digests = new Digests(
            this.length,
            this.md5?.GetHashAndReset(),
            this.sha256?.GetHashAndReset(),
            this.crc32?.GetCurrentHashAsUInt32() ?? 0,
            this.crc32C?.GetCurrentHashAsUInt32() ?? 0,
            this.crc64Nvme?.GetCurrentHashAsUInt64() ?? 0);
        this.Dispose();
        return digests;
    }

    public void Dispose()
    {
        this.md5?.Dispose();
        this.sha256?.Dispose();
    }
}
