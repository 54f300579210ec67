using ModelPackTools.Archives;
using ModelPackTools.S3;

namespace ModelPackTools.Engine;

/// <summary>How to read an input: the S3 URI its keys live under (for listings) and the archive limits.</summary>
public sealed record ModelSourceOptions
{
    /// <summary>The S3 prefix (or object) URI the model is, or will be, stored at; null when unknown.</summary>
    public S3Location? S3Uri { get; init; }

    public ArchiveReadOptions Archive { get; init; } = new();
}
