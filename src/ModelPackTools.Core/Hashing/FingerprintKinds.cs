namespace ModelPackTools.Hashing;

/// <summary>
/// What a <see cref="Fingerprinter"/> computes. Per-part values (multipart ETag, composite checksums) and the
/// full-object CRCs are computed part by part in parallel; <see cref="Md5Hex"/>, <see cref="Sha256Hex"/> and the
/// single-PUT forms of <see cref="ETag"/> and <see cref="Sha256"/> need one sequential pass over the whole object,
/// so ask for them only when they are wanted.
/// </summary>
[Flags]
public enum FingerprintKinds
{
    None = 0,

    // The ETag S3 will report for the resolved upload plan.
    ETag = 1 << 0,

    // Hex MD5 of the whole object (a single PUT's ETag; what md5sum prints).
    Md5Hex = 1 << 1,

    // Hex SHA-256 of the whole object (what sha256sum prints).
    Sha256Hex = 1 << 2,

    // S3's ChecksumSHA256: base64 digest for a single PUT, composite "...-N" for a multipart upload.
    Sha256 = 1 << 3,

    // S3's ChecksumCRC32 over the full object.
    Crc32 = 1 << 4,

    // S3's ChecksumCRC32 as a composite multipart checksum ("...-N"); the plain value for a single PUT.
    Crc32Composite = 1 << 5,

    // S3's ChecksumCRC32C over the full object.
    Crc32C = 1 << 6,

    // S3's ChecksumCRC32C as a composite multipart checksum; the plain value for a single PUT.
    Crc32CComposite = 1 << 7,

    // S3's ChecksumCRC64NVME, which is always over the full object.
    Crc64Nvme = 1 << 8,

    All = ETag | Md5Hex | Sha256Hex | Sha256 | Crc32 | Crc32Composite | Crc32C | Crc32CComposite | Crc64Nvme,
}
