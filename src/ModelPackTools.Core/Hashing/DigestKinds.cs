namespace ModelPackTools.Hashing;

// The digests one MultiHasher computes over its run of bytes (a part, or the whole object).
[Flags]
internal enum DigestKinds
{
    None = 0,
    Md5 = 1 << 0,
    Sha256 = 1 << 1,
    Crc32 = 1 << 2,
    Crc32C = 1 << 3,
    Crc64Nvme = 1 << 4,
}
