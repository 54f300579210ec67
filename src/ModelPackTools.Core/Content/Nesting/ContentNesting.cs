namespace ModelPackTools.Content.Nesting;

/// <summary>
/// Where a scan is in a stack of containers (a pickle in the bytes a loader call unpickles, in a zip member, in a
/// compressed joblib file ...), and the imports the user reviewed. Nested content is followed with the same kind of
/// limits as archives (Archives/ArchiveReadOptions.cs): a depth, a size, and a compression ratio; past them the scan
/// stops with an error (MPK4010) instead of calling the content clean.
/// </summary>
public sealed record ContentNesting(IReadOnlySet<string> Reviewed, int Depth = 0)
{
    /// <summary>Containers inside the file itself, then four more levels (no real model nests deeper than two).</summary>
    public const int MaxDepth = 4;

    /// <summary>The largest nested stream the scan holds in memory (the pickle scan's own bound).</summary>
    public const long MaxBytes = Pickle.PickleScan.MaxStreamBytes;

    /// <summary>Decompressed bytes per compressed byte: ArchiveReadOptions' default (Content sits below Archives, so it is not read from there).</summary>
    public const double MaxCompressionRatio = 200;

    public bool TooDeep => this.Depth > MaxDepth;

    public ContentNesting Deeper() => this with { Depth = this.Depth + 1 };
}
