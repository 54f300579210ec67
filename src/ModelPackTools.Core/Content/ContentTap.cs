namespace ModelPackTools.Content;

/// <summary>
/// Where a read path hands one file's bytes to the scans that want them. A scan that has seen enough stops being
/// fed; once none is left, <see cref="Wants"/> is false and a reader that reads only for inspection may stop.
/// </summary>
public sealed class ContentTap
{
    private readonly ContentInspection owner;
    private readonly string path;
    private readonly List<(int Inspector, IContentScan Scan)> all;
    private readonly List<(int Inspector, IContentScan Scan)> active;
    private bool completed;

    internal ContentTap(ContentInspection owner, string path, List<(int, IContentScan)> scans)
    {
        this.owner = owner;
        this.path = path;
        this.all = scans;
        this.active = [.. scans];
    }

    public bool Wants => this.active.Count > 0;

    public void Append(ReadOnlySpan<byte> data)
    {
        for (var i = this.active.Count - 1; i >= 0; i--)
        {
            if (!this.active[i].Scan.Append(data))
            {
                this.active.RemoveAt(i);
            }
        }
    }

    /// <summary>Collects every scan's findings, its claim (for the coverage), and what collecting scans keep for the aggregation step; a second call does nothing.</summary>
    public void Complete()
    {
        if (this.completed)
        {
            return;
        }

        this.completed = true;
        foreach (var (inspector, scan) in this.all)
        {
            this.owner.Report(this.path, inspector, scan.Complete());
            if (scan.Claimed)
            {
                this.owner.Claim(this.path, inspector);
            }

            if (scan is ICollectingScan { Collected: { } value })
            {
                this.owner.Keep(this.path, inspector, value);
            }
        }
    }
}
