namespace ModelPackTools.Manifests;

/// <summary>
/// One object of an uncompressed model as this tool's manifest records it. SageMaker documents the manifest only as
/// "a CSV file that stores the artifact locations"; the columns are this tool's format, described in the README.
/// </summary>
public sealed record ManifestRow(
    string S3Uri,
    string Key,
    long Size,
    string ETag,
    long PartSize,
    int PartCount,
    string Crc64Nvme,
    string Sha256);
