namespace ModelPackTools.Manifests;

/// <summary>
/// One object as it actually is, in a bucket or a local folder, named by its path relative to the prefix (the
/// manifest's key). A fact nobody could read (a listing has no checksums, a folder has no ETag) is null and is
/// then not compared.
/// </summary>
public sealed record ObservedObject(string Path, long Size, string? ETag = null, string? Crc64Nvme = null, string? Sha256 = null, string? Crc32 = null);
