namespace ModelPackTools.Hashing;

// The digests of one run of bytes; the CRCs are finished values, ready for Combine.
internal sealed record Digests(long Length, byte[]? Md5, byte[]? Sha256, uint Crc32, uint Crc32C, ulong Crc64Nvme);
