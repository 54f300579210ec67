using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Layout;
using ModelPackTools.Packing;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Manifests;

/// <summary>
/// Describes a checked folder (a model, or a layout of one) as the objects it will become under an S3 prefix: one row
/// per file with the ETag and checksums S3 will report for the chosen part size. Files are hashed in parallel, each
/// read once; a file a content inspector wants is read in order and handed to it on the same read. The manifest is
/// written beside its final name and renamed, and its own ETag (what ManifestEtag takes) is computed.
/// </summary>
public static class ManifestBuilder
{
    private const FingerprintKinds RowKinds = FingerprintKinds.ETag | FingerprintKinds.Crc64Nvme | FingerprintKinds.Sha256;

    public static async Task<ManifestResult> BuildAsync(ModelCheck check, S3Location prefix, string outputPath, FingerprintOptions options, CancellationToken cancellationToken = default)
    {
        var source = CheckedFolder.RootOf(check, ExtractionMode.S3PrefixNone);
        var output = Path.GetFullPath(outputPath);
        if (StagedOutput.IsInside(output, source))
        {
            throw new ModelPackException(DiagnosticCatalog.OutputOverlapsInput, $"'{outputPath}' is inside '{check.Tree.SourceName}': the manifest would describe itself; write it beside the layout");
        }

        if (check.HasErrors)
        {
            return new ManifestResult(check.Report, null, [], null);
        }

        var files = PrefixObjects.Of(check);
        options.Progress?.Start(files.Sum(f => f.Size));
        var fingerprints = await HashAsync(check.Tree.SourceName, files, options with { Kinds = RowKinds | options.PartSizes.StoredChecksum }, check.ContentPending ? check.Content : null, cancellationToken);
        var report = check.ReportWithContent();
        if (report.HasErrors)
        {
            return new ManifestResult(report, null, [], null);
        }

        // Every path here is UTF-8, so the key is the path's UTF-8: a name that is not has no S3 key (S3 keys are UTF-8,
        // "Naming Amazon S3 objects") and already failed the check (MPK1016), so no row can carry a wrong key.
        var rows = files.Select((file, i) => new ManifestRow(
            $"s3://{prefix.Bucket}/{prefix.Key}{file.Path}",
            file.Path,
            fingerprints[i].Length,
            fingerprints[i].ETag!,
            fingerprints[i].PartSize,
            fingerprints[i].PartCount,
            fingerprints[i].Crc64Nvme!,
            fingerprints[i].Sha256!,
            fingerprints[i].Crc32Composite ?? fingerprints[i].Crc32 ?? string.Empty)).ToList();

        Fingerprint manifestFingerprint;
        try
        {
            StagedOutput.WriteFile(output, stream => ManifestWriter.Write(rows, stream));

            // The manifest is small; hashing it again after the rename is simpler than a tee and costs nothing measurable.
            manifestFingerprint = await Fingerprinter.ComputeAsync(output, options with { Kinds = FingerprintKinds.ETag, Progress = null }, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, outputPath, e.Message);
        }

        return new ManifestResult(report, output, rows, manifestFingerprint);
    }

    /// <summary>
    /// Fingerprints every file in parallel by part. The content scan reads each file first only as far as its scans
    /// want it (a header, a ZIP's first bytes: the ZIP scan then reads the directory by random access; a pickle
    /// whole): the scanners want almost every file now that they detect by content, and teeing every file through
    /// them would hash one file at a time.
    /// </summary>
    private static async Task<Fingerprint[]> HashAsync(string folder, IReadOnlyList<PackEntry> files, FingerprintOptions options, ContentInspection? content, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in files)
            {
                if (content?.Begin(file.Path, file.Size, file.LocalPath) is { } tap)
                {
                    ContentReader.Inspect(tap, file.LocalPath!, cancellationToken);
                }
            }

            return [.. await Fingerprinter.ComputeManyAsync([.. files.Select(f => f.LocalPath!)], options, cancellationToken)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, folder, e.Message);
        }
    }
}
