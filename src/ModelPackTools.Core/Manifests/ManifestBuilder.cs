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

    /// <summary>Fingerprints every file once: the ones no inspector wants in parallel by part, the others in order through their taps.</summary>
    private static async Task<Fingerprint[]> HashAsync(string folder, IReadOnlyList<PackEntry> files, FingerprintOptions options, ContentInspection? content, CancellationToken cancellationToken)
    {
        var taps = files.Select(f => content?.Begin(f.Path, f.Size, f.LocalPath)).ToArray();
        var results = new Fingerprint[files.Count];
        var plain = Enumerable.Range(0, files.Count).Where(i => taps[i] is null).ToList();
        try
        {
            var hashed = await Fingerprinter.ComputeManyAsync([.. plain.Select(i => files[i].LocalPath!)], options, cancellationToken);
            for (var n = 0; n < plain.Count; n++)
            {
                results[plain[n]] = hashed[n];
            }

            for (var i = 0; i < files.Count; i++)
            {
                if (taps[i] is { } tap)
                {
                    results[i] = await TeeAsync(files[i].LocalPath!, tap, options, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, folder, e.Message);
        }

        return results;
    }

    private static async Task<Fingerprint> TeeAsync(string path, ContentTap tap, FingerprintOptions options, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var fingerprinter = new Fingerprinter(options, file.Length);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (tap.Wants)
            {
                tap.Append(buffer.AsSpan(0, read));
            }

            await fingerprinter.AppendAsync(buffer.AsMemory(0, read), cancellationToken);
            options.Progress?.Advance(read);
        }

        tap.Complete();
        return await fingerprinter.CompleteAsync(cancellationToken);
    }
}
