using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content;

/// <summary>
/// The inspectors of one check and the findings they make, whichever read path feeds them. Thread-safe: files hashed
/// in parallel report here at once; <see cref="Findings"/> are ordered by path (ordinal), then by inspector, so
/// reports are the same whatever the thread count.
/// </summary>
public sealed class ContentInspection(IReadOnlyList<IContentInspector> inspectors)
{
    private readonly List<(string Path, int Inspector, Diagnostic Finding)> findings = [];

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
}
