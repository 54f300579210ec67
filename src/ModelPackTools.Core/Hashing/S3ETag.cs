using System.Security.Cryptography;

namespace ModelPackTools.Hashing;

/// <summary>
/// The ETag S3 reports for an unencrypted (or SSE-S3) object: the hex MD5 for a single PUT; for a multipart upload
/// the hex MD5 of the part MD5s' binary digests concatenated, then "-" and the part count ("-1" for one part).
/// Lower-case hex, without the quotes S3 puts around it.
/// </summary>
public static class S3ETag
{
    public static string ForSinglePut(ReadOnlySpan<byte> md5) => Convert.ToHexStringLower(md5);

    public static string ForMultipart(IReadOnlyList<byte[]> partMd5s)
    {
        ArgumentOutOfRangeException.ThrowIfZero(partMd5s.Count);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var part in partMd5s)
        {
            md5.AppendData(part);
        }

        return $"{Convert.ToHexStringLower(md5.GetHashAndReset())}-{partMd5s.Count}";
    }
}
