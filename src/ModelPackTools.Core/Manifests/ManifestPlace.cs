using ModelPackTools.Diagnostics;
using ModelPackTools.Reporting;
using ModelPackTools.S3;

namespace ModelPackTools.Manifests;

/// <summary>
/// Holds a manifest to the S3 prefix it is used with: each row's s3_uri must be the prefix followed by the row's key,
/// so a manifest written for s3://b/prefix/ is neither uploaded beside s3://b/prefix6/ nor verified against bucket c.
/// </summary>
public static class ManifestPlace
{
    /// <exception cref="ModelPackException">MPK9016 naming the first row that points elsewhere, and how many do.</exception>
    public static void RequireUnder(IReadOnlyList<ManifestRow> rows, S3Location prefix, string setting)
    {
        var elsewhere = rows.Where(r => !string.IsNullOrEmpty(r.S3Uri) && r.S3Uri != prefix + r.Key).ToList();
        if (elsewhere.Count == 0)
        {
            return;
        }

        var first = elsewhere[0];
        var others = elsewhere.Count == 1 ? string.Empty : $" ({TextReportWriter.Plural(elsewhere.Count - 1, "more row")} too)";
        throw ModelPackException.ForSetting(
            setting,
            DiagnosticCatalog.ManifestForAnotherPrefix,
            $"the manifest's row for '{first.Key}' names {first.S3Uri}, not {prefix}{first.Key}{others}: it was written for another bucket or prefix than {prefix}");
    }
}
