namespace ModelPackTools.Hashing;

/// <summary>
/// How an uploader cuts an object into parts. A multipart ETag depends on the exact part size, so predicting
/// the ETag S3 will report means reproducing the uploader's own rule, including how it grows the part size
/// for objects that would otherwise need more than 10,000 parts.
/// </summary>
public sealed record PartSizePolicy
{
    private readonly Growth growth;

    // Presets and Fixed cover real uploaders; tests build others with tiny sizes to reach the growth rules.
    internal PartSizePolicy(string name, Growth growth, long multipartThreshold, long partSize, FingerprintKinds storedChecksum = FingerprintKinds.None)
    {
        this.Name = name;
        this.StoredChecksum = storedChecksum;
        this.growth = growth;
        this.MultipartThreshold = multipartThreshold;
        this.PartSize = partSize;
    }

    internal enum Growth
    {
        None,
        DoubleToFit,
        SpreadOverMaxParts,
    }

    /// <summary>
    /// AWS CLI v1 and boto3 (s3transfer): multipart from 8 MiB, 8 MiB parts, the part size doubled until the object
    /// fits in 10,000 parts (and capped at 5 GiB). Both send CRC32 by default, so S3 holds a composite CRC32 for a
    /// multipart object (checked against both in the S3 tests).
    /// </summary>
    public static PartSizePolicy AwsCli { get; } = new("aws-cli", Growth.DoubleToFit, 8L << 20, 8L << 20, FingerprintKinds.Crc32Composite);

    /// <summary>
    /// AWS CLI v2 from 2.23: the same part sizes as v1, but it sends CRC64NVME, which S3 holds over the whole object.
    /// </summary>
    public static PartSizePolicy AwsCliV2 { get; } = new("aws-cli-v2", Growth.DoubleToFit, 8L << 20, 8L << 20, FingerprintKinds.Crc64Nvme);

    /// <summary>
    /// AWS SDK for .NET TransferUtility as this tool ships it (AWSSDK.S3 4.x; run against it in the S3 tests): multipart
    /// from 16 MiB, parts of max(8 MiB, ceil(length / 10,000)). It sends CRC32 and completes multipart uploads with a
    /// full-object CRC32.
    /// </summary>
    public static PartSizePolicy DotNet { get; } = new("dotnet", Growth.SpreadOverMaxParts, 16L << 20, 8L << 20, FingerprintKinds.Crc32);

    /// <summary>
    /// Older AWS SDK for .NET TransferUtility (AWSSDK.S3 3.x, before aws-sdk-net#4096 raised the minimum): multipart
    /// from 16 MiB, parts of max(5 MiB, ceil(length / 10,000)). Still what many deployed pipelines run.
    /// </summary>
    public static PartSizePolicy DotNetV3 { get; } = new("dotnet-v3", Growth.SpreadOverMaxParts, 16L << 20, 5L << 20);

    /// <summary>Always one PUT, which S3 limits to 5 GiB.</summary>
    public static PartSizePolicy SinglePut { get; } = new("single", Growth.None, long.MaxValue, 0);

    public string Name { get; }

    /// <summary>
    /// The additional checksum S3 holds after this uploader with its defaults (CRC32 composite or full-object, or
    /// CRC64NVME); None when it is unknown or none is sent (a bare part size, a single PUT, the older .NET SDK).
    /// </summary>
    public FingerprintKinds StoredChecksum { get; }

    // Objects of at least this length are uploaded in parts; long.MaxValue when never.
    public long MultipartThreshold { get; }

    // The part size before any growth; 0 when the policy never uses parts.
    public long PartSize { get; }

    /// <summary>One fixed part size, multipart when the object is larger than one part.</summary>
    public static PartSizePolicy Fixed(long partSize)
    {
        if (partSize is < S3Limits.MinPartSize or > S3Limits.MaxPartSize)
        {
            throw new S3LimitException(
                $"a part size of {ByteSize.Format(partSize)} ({partSize} bytes) is outside S3's limits: parts must be " +
                $"{ByteSize.Spell(S3Limits.MinPartSize)} to {ByteSize.Spell(S3Limits.MaxPartSize)}.");
        }

        return FixedUnchecked(partSize);
    }

    /// <summary>"aws-cli" (or "boto3"), "aws-cli-v2", "dotnet", "dotnet-v3", "single", or a size such as "8MiB" or "5242880".</summary>
    public static PartSizePolicy Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "aws-cli" or "boto3" => AwsCli,
        "aws-cli-v2" => AwsCliV2,
        "dotnet" => DotNet,
        "dotnet-v3" => DotNetV3,
        "single" => SinglePut,
        _ when text.Trim().Length > 0 && char.IsAsciiDigit(text.Trim()[0]) => Fixed(ByteSize.Parse(text)),
        _ => throw new FormatException(
            $"'{text}' is not a part size: use aws-cli, boto3, aws-cli-v2, dotnet, dotnet-v3, single, or a size such as 8MiB or 5242880."),
    };

    public UploadPlan Resolve(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length < this.MultipartThreshold)
        {
            if (length > S3Limits.MaxSinglePutSize)
            {
                throw new S3LimitException(
                    $"{length} bytes is more than a single PUT can upload ({ByteSize.Format(S3Limits.MaxSinglePutSize)}); " +
                    "use a multipart part size such as aws-cli or 64MiB.");
            }

            return UploadPlan.SinglePut(length);
        }

        var partSize = this.growth switch
        {
            Growth.DoubleToFit => DoubleToFit(this.PartSize, length),
            Growth.SpreadOverMaxParts => Math.Max(this.PartSize, UploadPlan.MinimumPartSizeFor(length)),
            _ => this.PartSize,
        };

        if (partSize > S3Limits.MaxPartSize)
        {
            throw new S3LimitException(
                $"{length} bytes cannot be uploaded with the {this.Name} part sizes: it needs parts of " +
                $"{ByteSize.Format(partSize)}, and S3 allows at most {ByteSize.Format(S3Limits.MaxPartSize)} per part.");
        }

        return UploadPlan.Multipart(length, partSize);
    }

    public override string ToString() => this.Name;

    // For tests: parts smaller than S3 allows, so part boundaries can be exercised with a few bytes.
    internal static PartSizePolicy FixedUnchecked(long partSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partSize);
        return new PartSizePolicy(ByteSize.Spell(partSize), Growth.None, partSize + 1, partSize);
    }

    // s3transfer's ChunksizeAdjuster: double until at most 10,000 parts, then clamp to 5 GiB (S3 then refuses
    // anything that still needs more parts, and so does UploadPlan.Multipart).
    private static long DoubleToFit(long partSize, long length)
    {
        while ((length + partSize - 1) / partSize > S3Limits.MaxPartCount)
        {
            partSize *= 2;
        }

        return Math.Min(partSize, S3Limits.MaxPartSize);
    }
}
