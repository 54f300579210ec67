namespace ModelPackTools.Hashing;

/// <summary>
/// How a fingerprint cuts the byte stream and what it computes where: the segment size (the part size when parts
/// matter), the chunk size of the pooled buffers, the digests per segment, and the sequential whole-object digests.
/// </summary>
/// <remarks>
/// When the length is not known in advance (bytes pushed while a gzip is being written), the plan is not known
/// either: segments use the policy's starting part size, and the whole-object MD5/SHA-256 that a single PUT would
/// need are computed speculatively, only while the object is still small enough for a single PUT.
/// </remarks>
internal sealed record FingerprintLayout(
    long SegmentSize,
    int ChunkSize,
    int ChunkBudget,
    DigestKinds PerSegment,
    DigestKinds Whole,
    DigestKinds Speculative,
    long SpeculationLimit)
{
    // Largest pooled buffer; parts above it are hashed as several chunks, in order.
    internal const int MaxChunkSize = 8 << 20;

    // Segment size for CRCs of single-PUT objects, which have no parts.
    private const long UnpartedSegmentSize = 8 << 20;

    // Upper bound on buffered bytes per fingerprint, so many cores do not mean gigabytes of buffers.
    private const long MaxBufferedBytes = 256L << 20;

    public static FingerprintLayout Create(FingerprintOptions options, long? expectedLength)
    {
        var kinds = options.Kinds;
        var policy = options.PartSizes;
        var plan = expectedLength is { } length ? policy.Resolve(length) : (UploadPlan?)null;

        // Tri-state: known multipart, known single PUT, or not known until the last byte.
        bool? multipart = plan?.IsMultipart ?? (policy.MultipartThreshold == long.MaxValue ? false : null);

        var segmentSize = plan is { IsMultipart: true } known ? known.PartSize
            : multipart == false ? UnpartedSegmentSize
            : policy.PartSize;

        var perSegment = DigestKinds.None;
        if (kinds.HasFlag(FingerprintKinds.ETag) && multipart != false)
        {
            perSegment |= DigestKinds.Md5;
        }

        if (kinds.HasFlag(FingerprintKinds.Sha256) && multipart != false)
        {
            perSegment |= DigestKinds.Sha256;
        }

        if ((kinds & (FingerprintKinds.Crc32 | FingerprintKinds.Crc32Composite)) != 0)
        {
            perSegment |= DigestKinds.Crc32;
        }

        if ((kinds & (FingerprintKinds.Crc32C | FingerprintKinds.Crc32CComposite)) != 0)
        {
            perSegment |= DigestKinds.Crc32C;
        }

        if (kinds.HasFlag(FingerprintKinds.Crc64Nvme))
        {
            perSegment |= DigestKinds.Crc64Nvme;
        }

        // What a single PUT needs from the whole object: certain when the plan is a single PUT, speculative when unknown.
        var singlePutNeeds = (kinds.HasFlag(FingerprintKinds.ETag) ? DigestKinds.Md5 : 0)
                             | (kinds.HasFlag(FingerprintKinds.Sha256) ? DigestKinds.Sha256 : 0);
        var whole = (kinds.HasFlag(FingerprintKinds.Md5Hex) ? DigestKinds.Md5 : 0)
                    | (kinds.HasFlag(FingerprintKinds.Sha256Hex) ? DigestKinds.Sha256 : 0)
                    | (multipart == false ? singlePutNeeds : 0);
        var speculative = multipart == null ? singlePutNeeds & ~whole : DigestKinds.None;
        var speculationLimit = policy.MultipartThreshold == long.MaxValue
            ? S3Limits.MaxSinglePutSize
            : policy.MultipartThreshold - 1;

        var chunkSize = ChunkSizeFor(segmentSize, options.MaxChunkSize);
        if (expectedLength is { } small && small < chunkSize)
        {
            chunkSize = (int)Math.Max(small, 1);
        }

        return new FingerprintLayout(
            segmentSize,
            chunkSize,
            Budget(options.MaxDegreeOfParallelism, segmentSize, chunkSize),
            perSegment,
            whole,
            speculative,
            speculationLimit);
    }

    // Buffers for the parts being hashed plus the one being filled: twice the cores, a little more when parts span
    // several chunks (so two parts can still be in flight), and capped in bytes.
    internal static int Budget(int degreeOfParallelism, long segmentSize, int chunkSize)
    {
        if (degreeOfParallelism <= 1)
        {
            return 1;
        }

        var chunksPerSegment = (int)Math.Min(4, (segmentSize + chunkSize - 1) / chunkSize);
        var cap = (int)Math.Max(2, MaxBufferedBytes / chunkSize);
        return Math.Clamp(2 * degreeOfParallelism * chunksPerSegment, 2, cap);
    }

    // Near-equal chunks of at most 8 MiB per segment (the producer also cuts at every segment boundary).
    private static int ChunkSizeFor(long segmentSize, int maxChunkSize)
    {
        var chunks = (segmentSize + maxChunkSize - 1) / maxChunkSize;
        return (int)((segmentSize + chunks - 1) / chunks);
    }
}
