using ModelPackTools.Archives;
using ModelPackTools.Hashing;
using ModelPackTools.IO;

namespace ModelPackTools.Packing;

/// <summary>How to pack; validated at the edge. Nothing here changes the uncompressed tar bytes except the mtime.</summary>
public sealed record PackOptions
{
    /// <summary>The mtime of every member when SOURCE_DATE_EPOCH is not given: 2000-01-01T00:00:00Z.</summary>
    public const long DefaultModificationTime = 946684800;

    /// <summary>gzip level 0-9; 6 is gzip's default.</summary>
    public int Level { get; init; } = 6;

    /// <summary>Compression threads, the caller's choice (1 unless told). The output bytes do not depend on it.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Seconds since the Unix epoch written as every member's mtime (the front-end reads SOURCE_DATE_EPOCH).</summary>
    public long ModificationTime { get; init; } = DefaultModificationTime;

    /// <summary>Told the input size once the members are known, then every input byte packed.</summary>
    public IByteProgress? Progress { get; init; }

    /// <summary>What to compute over the .tar.gz while it is written; null computes nothing.</summary>
    public FingerprintOptions? Fingerprint { get; init; }

    internal ParallelGzipOptions GzipOptions => new() { Level = this.Level, Threads = this.Threads };
}
