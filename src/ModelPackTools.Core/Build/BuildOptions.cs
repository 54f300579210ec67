using ModelPackTools.Packing;

namespace ModelPackTools.Build;

/// <summary>How `build` packs; validated at the edge. The spec says what, these say how fast.</summary>
public sealed record BuildOptions
{
    public int Level { get; init; } = 6;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seconds since the Unix epoch for every archive member (the front-end reads SOURCE_DATE_EPOCH).</summary>
    public long ModificationTime { get; init; } = PackOptions.DefaultModificationTime;
}
