using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content;

/// <summary>
/// The inspectors of one check and the findings they make, whichever read path feeds them. Thread-safe: files hashed
/// in parallel report here at once; <see cref="Findings"/> are ordered by path (ordinal), then by inspector, so
/// reports are the same whatever the thread count. What scans keep for an aggregation step (<see cref="ICollectingScan"/>)
/// is held here too, until <see cref="Conclude"/> hands it to the inspectors that are <see cref="IContentAggregator"/>s.
/// </summary>
public sealed class ContentInspection(IReadOnlyList<IContentInspector> inspectors)
{
    private readonly List<(string Path, int Inspector, Diagnostic Finding)> findings = [];
    private readonly List<(string Path, int Inspector, object Value)> collected = [];
    private readonly Dictionary<string, long> offered = new(StringComparer.Ordinal);
    private readonly HashSet<(string Path, int Inspector)> claims = [];

    public static ContentInspection None { get; } = new([]);

    public bool IsEmpty => inspectors.Count == 0;

    public IReadOnlyList<IContentInspector> Inspectors => inspectors;

    public IReadOnlyList<Diagnostic> Findings
    {
        get
        {
            lock (this.findings)
            {
                return [.. this.findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Inspector).Select(f => f.Finding)];
            }
        }
    }

    /// <summary>The scans that want this file's bytes, or null when none does (then the caller need not read it for us).</summary>
    public ContentTap? Begin(string path, long size, string? localPath = null)
    {
        if (inspectors.Count == 0)
        {
            return null;
        }

        lock (this.offered)
        {
            this.offered[path] = size;
        }

        var subject = new ContentSubject(path, size, localPath);
        var scans = new List<(int, IContentScan)>();
        for (var i = 0; i < inspectors.Count; i++)
        {
            if (inspectors[i].Begin(subject) is { } scan)
            {
                scans.Add((i, scan));
            }
        }

        return scans.Count == 0 ? null : new ContentTap(this, path, scans);
    }

    internal void Report(string path, int inspector, IEnumerable<Diagnostic> found)
    {
        lock (this.findings)
        {
            this.findings.AddRange(found.Select(f => (path, inspector, f)));
        }
    }

    /// <summary>
    /// The aggregation step, once every file was offered: the per-file <see cref="Findings"/>, then each aggregator's
    /// findings in inspector order, each given what its scans collected in path order.
    /// </summary>
    internal IReadOnlyList<Diagnostic> Conclude(IMaterializedTree tree, string profile, IReadOnlyDictionary<string, string>? environment)
    {
        var all = new List<Diagnostic>(this.Findings);
        List<(string Path, int Inspector, object Value)> kept;
        lock (this.collected)
        {
            kept = [.. this.collected.OrderBy(c => c.Path, StringComparer.Ordinal)];
        }

        for (var i = 0; i < inspectors.Count; i++)
        {
            if (inspectors[i] is IContentAggregator aggregator)
            {
                var mine = kept.Where(c => c.Inspector == i).Select(c => new CollectedContent(c.Path, c.Value)).ToList();
                all.AddRange(aggregator.Aggregate(new ContentAggregation(mine, tree, profile, environment)));
            }
        }

        return all;
    }

    /// <summary>
    /// Which scanner read how many files, and which offered files none claimed. Call once every file was offered
    /// (it is what <see cref="Extraction.ModelCheck"/> puts in the report).
    /// </summary>
    public ContentCoverage Coverage()
    {
        lock (this.offered)
        {
            var scanners = inspectors.Select((inspector, i) =>
            {
                var mine = this.claims.Where(c => c.Inspector == i).Select(c => this.offered[c.Path]).ToList();
                return new ScannerCoverage(inspector.Name, mine.Count, mine.Sum());
            });
            var claimed = this.claims.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            var notScanned = this.offered.Keys.Where(p => !claimed.Contains(p)).Order(StringComparer.Ordinal);
            return new ContentCoverage([.. scanners], this.offered.Count, [.. notScanned]);
        }
    }

    internal void Claim(string path, int inspector)
    {
        lock (this.offered)
        {
            this.claims.Add((path, inspector));
        }
    }

    internal void Keep(string path, int inspector, object value)
    {
        lock (this.collected)
        {
            this.collected.Add((path, inspector, value));
        }
    }
}
