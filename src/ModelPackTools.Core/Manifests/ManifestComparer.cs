using System.Globalization;

namespace ModelPackTools.Manifests;

/// <summary>
/// Compares manifest rows with what is really there, by path relative to the prefix. Offline: the caller supplies
/// the observed objects (a bucket listing, or a hashed local folder), so the same judgement serves both.
/// </summary>
public static class ManifestComparer
{
    public static IReadOnlyList<ManifestDifference> Compare(IReadOnlyList<ManifestRow> rows, IReadOnlyList<ObservedObject> observed)
    {
        var found = new Dictionary<string, ObservedObject>(StringComparer.Ordinal);
        foreach (var item in observed)
        {
            found.TryAdd(item.Path, item);
        }

        var differences = new List<ManifestDifference>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            listed.Add(row.Key);
            if (!found.TryGetValue(row.Key, out var item))
            {
                differences.Add(new ManifestDifference(row.Key, ManifestDifferenceKind.Missing));
            }
            else if (CompareRow(row, item) is { } difference)
            {
                differences.Add(difference);
            }
        }

        differences.AddRange(observed.Where(o => !listed.Contains(o.Path)).Select(o => new ManifestDifference(o.Path, ManifestDifferenceKind.Extra)));
        return [.. differences.OrderBy(d => d.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The checksums that were really compared: those recorded in a row and held by its object, for at least one object.
    /// A verify that compared none says so rather than let "identical" imply more than sizes and ETags.
    /// </summary>
    public static IReadOnlyList<string> ComparedChecksums(IReadOnlyList<ManifestRow> rows, IReadOnlyList<ObservedObject> observed)
    {
        var found = new Dictionary<string, ObservedObject>(StringComparer.Ordinal);
        foreach (var item in observed)
        {
            found.TryAdd(item.Path, item);
        }

        var pairs = rows.Where(r => found.ContainsKey(r.Key)).Select(r => (Row: r, Item: found[r.Key])).ToList();
        static bool Both(string? a, string? b) => !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b);
        return
        [
            .. pairs.Any(p => Both(p.Row.Crc64Nvme, p.Item.Crc64Nvme)) ? ["crc64nvme"] : Array.Empty<string>(),
            .. pairs.Any(p => Both(p.Row.Crc32, p.Item.Crc32)) ? ["crc32"] : Array.Empty<string>(),
            .. pairs.Any(p => Both(p.Row.Sha256, p.Item.Sha256)) ? ["sha256"] : Array.Empty<string>(),
        ];
    }

    // The first difference only: once the size differs, the ETag differing says nothing new.
    private static ManifestDifference? CompareRow(ManifestRow row, ObservedObject item)
    {
        if (row.Size != item.Size)
        {
            return Changed(row, ManifestDifferenceKind.SizeChanged, Invariant(row.Size), Invariant(item.Size));
        }

        if (Differs(NormalizeETag(row.ETag), NormalizeETag(item.ETag), StringComparison.OrdinalIgnoreCase))
        {
            return Changed(row, ManifestDifferenceKind.ETagChanged, NormalizeETag(row.ETag), NormalizeETag(item.ETag));
        }

        if (Differs(row.Crc64Nvme, item.Crc64Nvme, StringComparison.Ordinal))
        {
            return Changed(row, ManifestDifferenceKind.ChecksumChanged, $"crc64nvme {row.Crc64Nvme}", $"crc64nvme {item.Crc64Nvme}");
        }

        if (Differs(WithoutPartCount(row.Crc32, item.Crc32), WithoutPartCount(item.Crc32, row.Crc32), StringComparison.Ordinal))
        {
            return Changed(row, ManifestDifferenceKind.ChecksumChanged, $"crc32 {row.Crc32}", $"crc32 {item.Crc32}");
        }

        return Differs(row.Sha256, item.Sha256, StringComparison.Ordinal)
            ? Changed(row, ManifestDifferenceKind.ChecksumChanged, $"sha256 {row.Sha256}", $"sha256 {item.Sha256}")
            : null;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static ManifestDifference Changed(ManifestRow row, ManifestDifferenceKind kind, string? expected, string? actual) =>
        new(row.Key, kind, expected, actual);

    // A value missing on either side (an empty manifest column, an object stored without checksums) proves nothing.
    // ETags are hex (any case); checksums are base64, where case matters.
    private static bool Differs(string? expected, string? actual, StringComparison comparison) =>
        !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(actual) && !string.Equals(expected, actual, comparison);

    // A composite checksum is "value-N"; some servers' HeadObject (moto's) leave the "-N" off. Compare the values then.
    private static string? WithoutPartCount(string? value, string? other) =>
        value is not null && other is not null && value.Contains('-', StringComparison.Ordinal) && !other.Contains('-', StringComparison.Ordinal)
            ? value[..value.IndexOf('-', StringComparison.Ordinal)]
            : value;

    // S3 returns ETags quoted; manifests and listings may or may not keep the quotes.
    private static string? NormalizeETag(string? etag) => etag?.Trim().Trim('"');
}
