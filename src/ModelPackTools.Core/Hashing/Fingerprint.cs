namespace ModelPackTools.Hashing;

/// <summary>
/// What S3 will report for an object uploaded with the given part sizes. Checksums that were not requested are
/// null. For a single PUT, <see cref="PartSize"/> is the object's length and <see cref="PartCount"/> is 1.
/// </summary>
public sealed record Fingerprint
{
    public required long Length { get; init; }

    public required bool IsMultipart { get; init; }

    public required long PartSize { get; init; }

    public required int PartCount { get; init; }

    public string? ETag { get; init; }

    public string? Md5Hex { get; init; }

    public string? Sha256Hex { get; init; }

    public string? Sha256 { get; init; }

    public string? Crc32 { get; init; }

    public string? Crc32Composite { get; init; }

    public string? Crc32C { get; init; }

    public string? Crc32CComposite { get; init; }

    public string? Crc64Nvme { get; init; }
}
