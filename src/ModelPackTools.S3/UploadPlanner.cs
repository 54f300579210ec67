using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Trees;

namespace ModelPackTools.S3;

/// <summary>
/// Plans an upload offline: judges the input as `check` would (a layout as S3Prefix, an archive as S3Object+Gzip),
/// predicts every object's ETag with the upload's part sizes, and compares a given manifest with those predictions.
/// A layout's objects are exactly the check's, as for `layout` and `manifest`, so upload and manifest cannot disagree.
/// </summary>
public static class UploadPlanner
{
    /// <summary>The check an upload of <paramref name="input"/> to <paramref name="destination"/> starts with.</summary>
    public static ModelCheck Check(string input, S3Location destination, CheckSettings settings)
    {
        var isLayout = Directory.Exists(input);
        return ModelChecker.Check(input, settings with
        {
            Mode = isLayout ? ExtractionMode.S3PrefixNone : ExtractionMode.S3ObjectGzip,
            S3Uri = isLayout ? destination : null,
        });
    }

    /// <summary>What the prediction computes besides the ETag: a multipart CRC64NVME upload sends the whole object's CRC64NVME when it completes.</summary>
    public static FingerprintKinds PredictionKinds(UploadChecksum checksum) =>
        FingerprintKinds.ETag | (checksum == UploadChecksum.Crc64Nvme ? FingerprintKinds.Crc64Nvme : FingerprintKinds.None);

    public static async Task<ModelUploadPlan> PlanAsync(
        ModelCheck check, S3Location destination, string? manifestPath, string? manifestS3Uri, FingerprintOptions prediction, CancellationToken cancellationToken)
    {
        var isLayout = check.Tree.SourceKind == SourceKind.Directory;
        if (!isLayout && manifestPath is not null)
        {
            throw ModelPackException.ForSetting(SettingNames.Manifest, DiagnosticCatalog.InvalidOption, "a manifest goes with a layout folder, not a single archive");
        }

        if (check.HasErrors)
        {
            return new ModelUploadPlan(check.Report, [], null, []);
        }

        IReadOnlyList<(string Local, string Relative)> files = isLayout
            ? [.. PrefixObjects.Of(check).Select(o => (o.LocalPath!, o.Path))]
            : [(check.Tree.SourceName, Path.GetFileName(check.Tree.SourceName))];
        var predictions = await Fingerprint(files.Select(f => f.Local).ToList(), prediction, cancellationToken);
        var keyPrefix = isLayout || destination.IsPrefix ? destination.Key : null;
        var items = files.Select((f, i) => new UploadItem(f.Local, keyPrefix is null ? destination.Key : keyPrefix + f.Relative, predictions[i])).ToList();
        if (manifestPath is null)
        {
            return new ModelUploadPlan(check.Report, items, null, []);
        }

        var differences = ManifestComparer.Compare(
            ManifestReader.Read(manifestPath),
            [.. files.Select((f, i) => new ObservedObject(f.Relative, predictions[i].Length, predictions[i].ETag))]);
        var manifestKey = ManifestLocation.Resolve(destination, manifestS3Uri);
        var manifest = new UploadItem(manifestPath, manifestKey, (await Fingerprint([manifestPath], prediction, cancellationToken))[0]);
        return new ModelUploadPlan(check.Report, items, manifest, differences);
    }

    private static async Task<IReadOnlyList<Fingerprint>> Fingerprint(List<string> paths, FingerprintOptions prediction, CancellationToken cancellationToken)
    {
        try
        {
            return await Fingerprinter.ComputeManyAsync(paths, prediction, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, paths.Count == 1 ? paths[0] : "the layout", e.Message);
        }
    }
}
