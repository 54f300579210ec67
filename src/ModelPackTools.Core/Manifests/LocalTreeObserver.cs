using ModelPackTools.Hashing;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Manifests;

/// <summary>
/// Reads a local layout folder as <see cref="ObservedObject"/>s for <see cref="ManifestComparer"/>: every file's
/// path and size, and for files the manifest lists at the same size, the ETag and checksums re-hashed with that
/// row's own part size (so a manifest written for 8 MiB parts is checked against 8 MiB parts).
/// </summary>
public static class LocalTreeObserver
{
    public static async Task<IReadOnlyList<ObservedObject>> ObserveAsync(
        string directory, IReadOnlyList<ManifestRow> rows, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        var tree = DirectorySource.Read(directory);
        var files = tree.Entries.Where(e => e.Kind == EntryKind.File && e.LocalPath is not null).ToList();
        var rowByKey = new Dictionary<string, ManifestRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            rowByKey.TryAdd(row.Key, row);
        }

        var observed = files.Select(f => new ObservedObject(f.Path, f.Size)).ToArray();

        // Files sharing a part size and the same wanted checksums are hashed together, in parallel.
        var toHash = Enumerable.Range(0, files.Count)
            .Where(i => rowByKey.TryGetValue(files[i].Path, out var row) && row.Size == files[i].Size)
            .GroupBy(i => (Policy: ManifestPartSizes.For(rowByKey[files[i].Path]), Kinds: KindsFor(rowByKey[files[i].Path])));
        foreach (var group in toHash)
        {
            var indexes = group.ToList();
            var options = new FingerprintOptions(group.Key.Kinds, group.Key.Policy) { MaxDegreeOfParallelism = maxDegreeOfParallelism };
            var results = await Fingerprinter.ComputeManyAsync([.. indexes.Select(i => files[i].LocalPath!)], options, cancellationToken);
            for (var n = 0; n < indexes.Count; n++)
            {
                observed[indexes[n]] = observed[indexes[n]] with
                {
                    ETag = results[n].ETag,
                    Crc64Nvme = results[n].Crc64Nvme,
                    Sha256 = results[n].Sha256,
                    Crc32 = results[n].Crc32Composite ?? results[n].Crc32,
                };
            }
        }

        return observed;
    }

    // Only what the row records is worth hashing; the ETag always is.
    private static FingerprintKinds KindsFor(ManifestRow row) =>
        FingerprintKinds.ETag |
        (string.IsNullOrEmpty(row.Crc64Nvme) ? FingerprintKinds.None : FingerprintKinds.Crc64Nvme) |
        (string.IsNullOrEmpty(row.Sha256) ? FingerprintKinds.None : FingerprintKinds.Sha256) |
        (string.IsNullOrEmpty(row.Crc32) ? FingerprintKinds.None : row.Crc32.Contains('-', StringComparison.Ordinal) ? FingerprintKinds.Crc32Composite : FingerprintKinds.Crc32);
}
