namespace ModelPackTools.Manifests;

/// <summary>The manifest's columns, in order. Readers find columns by name, so columns may only ever be appended.</summary>
public static class ManifestFormat
{
    public static readonly IReadOnlyList<string> Columns =
        ["s3_uri", "key", "size", "etag", "part_size", "part_count", "crc64nvme", "sha256", "crc32"];
}
