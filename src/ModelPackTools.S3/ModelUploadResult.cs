namespace ModelPackTools.S3;

/// <summary>The objects as uploaded, and the manifest when it was uploaded (null: not given, or held back).</summary>
public sealed record ModelUploadResult(IReadOnlyList<UploadedObject> Objects, UploadedObject? Manifest);
