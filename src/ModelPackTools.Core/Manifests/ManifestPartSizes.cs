using ModelPackTools.Hashing;

namespace ModelPackTools.Manifests;

/// <summary>
/// The part sizes that reproduce a manifest row's ETag. The row's own ETag says which upload it records: no '-'
/// is a single PUT; "-N" is multipart with part_size parts, even for one part ("-1", which aws-cli writes for an
/// object of exactly one part size), so the policy here turns multipart at any length rather than above one part.
/// </summary>
public static class ManifestPartSizes
{
    public static PartSizePolicy For(ManifestRow row) =>
        row.Size == 0 || !row.ETag.Contains('-', StringComparison.Ordinal) || row.PartSize <= 0
            ? PartSizePolicy.SinglePut
            : new PartSizePolicy(ByteSize.Spell(row.PartSize), PartSizePolicy.Growth.None, 1, row.PartSize);
}
