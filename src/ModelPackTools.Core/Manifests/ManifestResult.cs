using ModelPackTools.Extraction;
using ModelPackTools.Hashing;

namespace ModelPackTools.Manifests;

/// <summary>What `manifest` did: the check (always) and, when it passed, the rows written and the manifest's own ETag.</summary>
public sealed record ManifestResult(ExtractionReport Check, string? OutputPath, IReadOnlyList<ManifestRow> Rows, Fingerprint? ManifestFingerprint)
{
    public bool Written => this.OutputPath is not null;
}
