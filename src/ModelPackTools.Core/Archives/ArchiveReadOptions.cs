using ModelPackTools.Content;

namespace ModelPackTools.Archives;

/// <summary>Hard limits that keep a hostile archive from exhausting memory or time while it is checked.</summary>
public sealed record ArchiveReadOptions
{
    /// <summary>Decompressed bytes per compressed byte before reading stops (zlib's own ceiling is about 1032).</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public int MaxEntries { get; init; } = 1_000_000;

    public int MaxExtendedHeaderBytes { get; init; } = 1024 * 1024;

    public int MaxLongNameBytes { get; init; } = 64 * 1024;

    /// <summary>The content inspectors that see each regular member's data as it is read; none by default.</summary>
    public ContentInspection Content { get; init; } = ContentInspection.None;
}
