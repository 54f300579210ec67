using ModelPackTools.Hashing;
using ModelPackTools.Packing;

namespace ModelPackTools.Options;

/// <summary>How the writers write, parsed once: the compression level, the threads, the archive mtime, the part sizes and checksums.</summary>
public sealed record WriteSettings
{
    public int Level { get; init; } = OptionValues.DefaultLevel;

    /// <summary>Threads for compression and hashing; always the caller's choice (front-ends default to the core count).</summary>
    public required int Threads { get; init; }

    /// <summary>Seconds since the Unix epoch for every archive member (SOURCE_DATE_EPOCH).</summary>
    public long ModificationTime { get; init; } = PackOptions.DefaultModificationTime;

    public PartSizePolicy PartSizes { get; init; } = PartSizePolicy.AwsCli;

    public FingerprintKinds Checksums { get; init; } = FingerprintKinds.ETag | FingerprintKinds.Crc64Nvme | FingerprintKinds.Sha256;

    public FingerprintOptions Fingerprint(FingerprintKinds kinds) => new(kinds, this.PartSizes) { MaxDegreeOfParallelism = this.Threads };

    public PackOptions Pack(FingerprintKinds kinds) => new()
    {
        Level = this.Level,
        Threads = this.Threads,
        ModificationTime = this.ModificationTime,
        Fingerprint = this.Fingerprint(kinds),
    };
}
