namespace ModelPackTools.Content;

/// <summary>
/// A scan that keeps something of its file for its inspector's aggregation step (<see cref="IContentAggregator"/>):
/// a header, the names a file refers to. Read once, after <see cref="IContentScan.Complete"/>; keep it small, since
/// it lives until the check ends.
/// </summary>
public interface ICollectingScan : IContentScan
{
    /// <summary>What the aggregation step gets for this file, or null for nothing.</summary>
    object? Collected { get; }
}
