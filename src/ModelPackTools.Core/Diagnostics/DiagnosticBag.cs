namespace ModelPackTools.Diagnostics;

/// <summary>
/// Collects diagnostics in the order they were found, keeping each (code, path) pair once so that a problem
/// reached by two routes (a name rule and the simulator, say) is listed once.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];
    private readonly HashSet<(string Code, string? Path, SourceLocation? Location)> seen = [];

    public IReadOnlyList<Diagnostic> Items => this.items;

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public bool HasErrors => this.ErrorCount > 0;

    public void Add(Diagnostic diagnostic)
    {
        if (!this.seen.Add((diagnostic.Code, diagnostic.Path, diagnostic.Location)))
        {
            return;
        }

        this.items.Add(diagnostic);
        if (diagnostic.IsError)
        {
            this.ErrorCount++;
        }
        else
        {
            this.WarningCount++;
        }
    }

    public void Add(DiagnosticDescriptor descriptor, string? path, params object?[] args) => this.Add(descriptor.Create(path, args));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            this.Add(diagnostic);
        }
    }
}
