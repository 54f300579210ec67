using System.Security.Cryptography;

namespace ModelPackTools.Tests.Hashing;

// Independent digests for the tests to compare against, computed directly over bytes.
public static class Reference
{
    // S3 defines the ETag with MD5; this is an identifier, not a security use.
#pragma warning disable CA5351
    public static byte[] Md5(ReadOnlySpan<byte> data) => MD5.HashData(data);
#pragma warning restore CA5351

    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    public static string Md5Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Md5(data));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Sha256(data));
}
