using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace ModelPackTools.Hashing;

/// <summary>
/// S3's additional checksums as GetObjectAttributes and HeadObject report them: base64 of the big-endian value.
/// A composite (multipart) checksum is the checksum of the parts' binary checksums concatenated, then "-" and
/// the part count; a full-object one covers the bytes of the whole object, however it was uploaded.
/// </summary>
public static class S3Checksum
{
    public static string Format(uint crc)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, crc);
        return Convert.ToBase64String(bytes);
    }

    public static string Format(ulong crc)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, crc);
        return Convert.ToBase64String(bytes);
    }

    public static string Format(ReadOnlySpan<byte> digest) => Convert.ToBase64String(digest);

    public static string Crc32Composite(IReadOnlyList<uint> partCrcs) =>
        $"{Format(System.IO.Hashing.Crc32.HashToUInt32(BigEndian(partCrcs)))}-{partCrcs.Count}";

    public static string Crc32CComposite(IReadOnlyList<uint> partCrcs) =>
        $"{Format(System.IO.Hashing.Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, BigEndian(partCrcs)))}-{partCrcs.Count}";

    public static string Sha256Composite(IReadOnlyList<byte[]> partDigests)
    {
        ArgumentOutOfRangeException.ThrowIfZero(partDigests.Count);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in partDigests)
        {
            sha.AppendData(part);
        }

        return $"{Format(sha.GetHashAndReset())}-{partDigests.Count}";
    }

    private static byte[] BigEndian(IReadOnlyList<uint> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var bytes = new byte[values.Count * 4];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }
}
