namespace ModelPackTools.Manifests;

/// <summary>
/// One object of an uncompressed model as this tool's manifest records it. SageMaker documents the manifest only as
/// "a CSV file that stores the artifact locations"; the columns are this tool's format, described in the README.
/// </summary>
/// <param name="Crc32">The CRC32 S3 holds after the manifest's uploader: composite (value-N) or full-object; empty when it sends none.</param>
public sealed record ManifestRow(
    string S3Uri,
    string Key,
    long Size,
    string ETag,
    long PartSize,
    int PartCount,
    string Crc64Nvme,
    string Sha256,
    string Crc32 = "");
