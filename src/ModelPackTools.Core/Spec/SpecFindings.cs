using ModelPackTools.Diagnostics;

namespace ModelPackTools.Spec;

/// <summary>
/// What reading a spec found, each finding located at the line and column of the key or value it is about, plus
/// where every key and list item is (for request findings that point back at the key that produced them).
/// </summary>
internal sealed class SpecFindings(string file)
{
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);

    public DiagnosticBag Diagnostics { get; } = new();

    public IReadOnlyDictionary<string, SourceLocation> Locations => this.locations;

    public SourceLocation At(int line, int column) => new(file, line, column);

    public void Add(DiagnosticDescriptor descriptor, string path, int line, int column, params object?[] args) =>
        this.Diagnostics.Add(descriptor.Create(path, args) with { Location = this.At(line, column) });

    public void Add(DiagnosticDescriptor descriptor, string path, SpecNode at, params object?[] args) =>
        this.Add(descriptor, path, at.Line, at.Column, args);

    public void Locate(string path, int line, int column) => this.locations.TryAdd(path, this.At(line, column));
}
