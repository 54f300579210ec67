using ModelPackTools.IO;

namespace ModelPackTools.Hashing;

/// <summary>What to compute and which uploader's part sizes to predict, validated once at the edge.</summary>
public sealed record FingerprintOptions(FingerprintKinds Kinds, PartSizePolicy PartSizes)
{
    /// <summary>
    /// How many cores may hash at once (and, for many files, how many files are read at once): the caller's choice, 1
    /// unless told, which hashes on the calling thread with no worker tasks at all.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Told about every byte read from files; the caller calls Start with the total.</summary>
    public IByteProgress? Progress { get; init; }

    // Tests lower this to split tiny parts into several chunks.
    internal int MaxChunkSize { get; init; } = FingerprintLayout.MaxChunkSize;
}
