namespace ModelPackTools.Content;

/// <summary>What one inspector's aggregation step is given (<see cref="IContentAggregator"/>).</summary>
public sealed class ContentAggregation
{
    internal ContentAggregation(IReadOnlyList<CollectedContent> collected, IMaterializedTree tree, string profile, IReadOnlyDictionary<string, string>? environment)
    {
        this.Collected = collected;
        this.Tree = tree;
        this.Profile = profile;
        this.Environment = environment;
    }

    /// <summary>What this inspector's scans kept, ordered by path (ordinal) whatever the thread count.</summary>
    public IReadOnlyList<CollectedContent> Collected { get; }

    /// <summary>/opt/ml/model as SageMaker materialises it: every path, its size, its link target.</summary>
    public IMaterializedTree Tree { get; }

    /// <summary>The name of the profile the layout was judged by (what "auto" resolved to; "none" for none).</summary>
    public string Profile { get; }

    /// <summary>The serving container's environment when known, else null (see <c>SimulationOptions.Environment</c>).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; }

    /// <summary>The collected values of one type, with their paths, in path order.</summary>
    public IEnumerable<(string Path, T Value)> Of<T>() =>
        this.Collected.Where(c => c.Value is T).Select(c => (c.Path, (T)c.Value));
}

/// <summary>What a scan kept of the file at <paramref name="Path"/> (the entry path under /opt/ml/model).</summary>
public sealed record CollectedContent(string Path, object Value);
