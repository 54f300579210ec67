namespace ModelPackTools.Manifests;

/// <summary>How an observed object departs from its manifest row.</summary>
public enum ManifestDifferenceKind
{
    // In the manifest, not found.
    Missing,

    // Found under the prefix, not in the manifest: SageMaker would deploy it anyway.
    Extra,
    SizeChanged,
    ETagChanged,
    ChecksumChanged,
}
