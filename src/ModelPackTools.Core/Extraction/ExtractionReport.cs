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
    /// <summary>The framework profile the layout was judged by ("none": the generic rules only).</summary>
    public string Profile { get; init; } = "none";

    /// <summary>Why that profile: "chosen", or "inferred from" the file that gave it away; null for none.</summary>
    public string? ProfileReason { get; init; }

    /// <summary>
    /// When everything is inside one top-level folder that a container reads as it is, what it is read as
    /// ("a Triton model repository (resnet/config.pbtxt)"): why MPK3004 did not fire. Null otherwise.
    /// </summary>
    public string? AcceptedWrapper { get; init; }

    /// <summary>What the content scan read (per scanner) and which files no scanner claimed; null when no scan ran.</summary>
    public Content.ContentCoverage? Content { get; init; }

    public int ErrorCount => this.Diagnostics.Count(d => d.IsError);

    public int WarningCount => this.Diagnostics.Count(d => !d.IsError);

    public bool HasErrors => this.Diagnostics.Any(d => d.IsError);
}
