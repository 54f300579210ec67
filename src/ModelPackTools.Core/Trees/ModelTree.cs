using ModelPackTools.Diagnostics;

namespace ModelPackTools.Trees;

/// <summary>
/// The entries a source found, in source order, plus what the source itself found wrong while reading (a truncated
/// archive, a bad gzip trailer). Entries are kept as seen: duplicates and odd names stay for the rules to judge.
/// </summary>
public sealed class ModelTree(string sourceName, SourceKind sourceKind, IReadOnlyList<ModelEntry> entries, IReadOnlyList<Diagnostic> sourceDiagnostics)
{
    /// <summary>The input as the user named it: a folder, an archive file, a listing file.</summary>
    public string SourceName { get; } = sourceName;

    public SourceKind SourceKind { get; } = sourceKind;

    public IReadOnlyList<ModelEntry> Entries { get; } = entries;

    public IReadOnlyList<Diagnostic> SourceDiagnostics { get; } = sourceDiagnostics;

    /// <summary>For a listing: the S3 prefix that was stripped from each key, so key-length rules see the full key.</summary>
    public string KeyPrefix { get; init; } = string.Empty;

    /// <summary>For an archive: whether the bytes were gzip-compressed.</summary>
    public bool IsGzipCompressed { get; init; }

    /// <summary>True when reading stopped early (a fatal format error or a limit); the entries are then incomplete.</summary>
    public bool IsIncomplete { get; init; }
}
