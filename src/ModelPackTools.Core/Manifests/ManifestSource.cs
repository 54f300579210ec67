using ModelPackTools.Diagnostics;
using ModelPackTools.S3;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Manifests;

/// <summary>
/// A manifest written by `modelpack manifest`, read as a listing: the keys, sizes and ETags it promises, judged by
/// the same rules as the prefix they describe. The prefix is what each row's S3 URI has before its key.
/// </summary>
public static class ManifestSource
{
    public static ModelTree Read(string path)
    {
        var rows = ManifestReader.Read(path);
        var prefix = rows.Count == 0 ? string.Empty : PrefixOf(rows[0], path);
        var builder = new ListingBuilder(path, prefix);
        foreach (var row in rows)
        {
            builder.Add(prefix + row.Key, row.Size, row.ETag);
        }

        return builder.Build();
    }

    private static string PrefixOf(ManifestRow row, string path)
    {
        if (!S3Location.TryParse(row.S3Uri, out var location) || !location!.Key.EndsWith(row.Key, StringComparison.Ordinal))
        {
            throw new ModelPackException(DiagnosticCatalog.UnreadableInput, $"'{path}': the s3_uri '{row.S3Uri}' does not end with its key '{row.Key}'");
        }

        return location.Key[..^row.Key.Length];
    }
}
