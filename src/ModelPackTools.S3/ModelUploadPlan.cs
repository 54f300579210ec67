using ModelPackTools.Extraction;
using ModelPackTools.Manifests;

namespace ModelPackTools.S3;

/// <summary>
/// What `upload` will send, decided before any request: the check of the input, each object with its predicted
/// fingerprint, the manifest (uploaded last), and how a given manifest disagrees with the predictions.
/// </summary>
public sealed record ModelUploadPlan(
    ExtractionReport Check,
    IReadOnlyList<UploadItem> Objects,
    UploadItem? Manifest,
    IReadOnlyList<ManifestDifference> ManifestDifferences)
{
    public long TotalBytes => this.Objects.Sum(o => o.Predicted.Length);
}
