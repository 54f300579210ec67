using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Layout;
using ModelPackTools.Packing;
using ModelPackTools.S3;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Manifests;

/// <summary>
/// Describes a folder (usually a layout) as the objects it will become under an S3 prefix: one row per file with the
/// ETag and checksums S3 will report for the chosen part size. Files are hashed in parallel, each read once; the
/// manifest is written beside its final name and renamed, and its own ETag (what ManifestEtag takes) is computed.
/// </summary>
public static class ManifestBuilder
{
    private const FingerprintKinds RowKinds = FingerprintKinds.ETag | FingerprintKinds.Crc64Nvme | FingerprintKinds.Sha256;

    public static async Task<ManifestResult> BuildAsync(string directory, string s3Uri, string outputPath, FingerprintOptions options, CancellationToken cancellationToken = default)
    {
        var prefix = S3Location.TryParse(s3Uri, out var location) ? location! : throw new ModelInputException($"'{s3Uri}' is not an s3://bucket/prefix/ URI");
        var output = Path.GetFullPath(outputPath);
        if (StagedOutput.IsInside(output, Path.GetFullPath(directory)))
        {
            throw new ModelInputException($"'{outputPath}' is inside '{directory}': the manifest would describe itself; write it beside the layout");
        }

        var (check, files) = PrefixObjects.Plan(directory, s3Uri);
        if (check.HasErrors)
        {
            return new ManifestResult(check, null, [], null);
        }

        options.Progress?.Start(files.Sum(f => f.Size));
        var fingerprints = await Fingerprinter.ComputeManyAsync(files.Select(f => f.LocalPath!).ToList(), options with { Kinds = RowKinds }, cancellationToken);
        var rows = files.Select((file, i) => new ManifestRow(
            $"s3://{prefix.Bucket}/{prefix.Key}{file.Path}",
            file.Path,
            fingerprints[i].Length,
            fingerprints[i].ETag!,
            fingerprints[i].PartSize,
            fingerprints[i].PartCount,
            fingerprints[i].Crc64Nvme!,
            fingerprints[i].Sha256!)).ToList();

        StagedOutput.WriteFile(output, stream => ManifestWriter.Write(rows, stream));

        // The manifest is small; hashing it again after the rename is simpler than a tee and costs nothing measurable.
        var manifestFingerprint = await Fingerprinter.ComputeAsync(output, options with { Kinds = FingerprintKinds.ETag, Progress = null }, cancellationToken);
        return new ManifestResult(check, output, rows, manifestFingerprint);
    }
}
