using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>The outcome of a simulation: the findings and what /opt/ml/model would hold.</summary>
public sealed record ExtractionReport(
    string Input,
    ExtractionMode Mode,
    IReadOnlyList<Diagnostic> Diagnostics,
    int EntryCount,
    int FileCount,
    int DirectoryCount,
    long TotalBytes)
{
    public int ErrorCount => this.Diagnostics.Count(d => d.IsError);

    public int WarningCount => this.Diagnostics.Count(d => !d.IsError);

    public bool HasErrors => this.Diagnostics.Any(d => d.IsError);
}
