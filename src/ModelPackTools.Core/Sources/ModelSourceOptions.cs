using ModelPackTools.Archives;

namespace ModelPackTools.Sources;

/// <summary>How to read an input: the S3 URI its keys live under (for listings) and the archive limits.</summary>
public sealed record ModelSourceOptions
{
    /// <summary>The S3 prefix (or object) URI the model is, or will be, stored at; null when unknown.</summary>
    public string? S3Uri { get; init; }

    public ArchiveReadOptions Archive { get; init; } = new();
}
