namespace ModelPackTools.Content.Pickle;

/// <summary>
/// The "pickle" content inspector: every file is offered, and the scan decides from its first bytes whether it is a
/// pickle stream (detection by content, not by extension; see <see cref="PickleScan"/>). Imports are judged by
/// <see cref="PickleImportPolicy"/>, with the imports a user reviewed (`--allow-import`, the spec's `allowImports`).
/// </summary>
public sealed class PickleInspector : IContentInspector
{
    private readonly HashSet<string> reviewed;

    public PickleInspector(IEnumerable<string> reviewed)
    {
        this.reviewed = new HashSet<string>(reviewed, StringComparer.Ordinal);
    }

    /// <summary>The inspector with no reviewed imports: the allowlist alone.</summary>
    public static PickleInspector Default { get; } = new([]);

    public string Name => "pickle";

    public IReadOnlySet<string> Reviewed => this.reviewed;

    /// <summary>This inspector with more reviewed imports accepted.</summary>
    public PickleInspector Allowing(IEnumerable<string> imports) => new(this.reviewed.Concat(imports));

    public IContentScan? Begin(ContentSubject subject) => subject.Size == 0 ? null : new PickleScan(subject, this.reviewed);
}
