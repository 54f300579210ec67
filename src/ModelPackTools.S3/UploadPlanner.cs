using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.S3;

/// <summary>
/// Plans an upload offline: judges the input as `check` would (a layout as S3Prefix, an archive as S3Object+Gzip),
/// predicts every object's ETag with the upload's part sizes, and compares a given manifest with those predictions.
/// A layout's objects are exactly what `layout` and `manifest` see, so upload and manifest cannot disagree.
/// </summary>
public static class UploadPlanner
{
    public static async Task<ModelUploadPlan> PlanAsync(
        string input, S3Location destination, string? manifestPath, string? manifestS3Uri, FingerprintOptions prediction, CancellationToken cancellationToken)
    {
        var isLayout = Directory.Exists(input);
        if (!isLayout && manifestPath is not null)
        {
            throw new ModelInputException("--manifest goes with a layout folder, not a single archive");
        }

        ExtractionReport check;
        IReadOnlyList<(string Local, string Relative)> files;
        if (isLayout)
        {
            var (report, objects) = PrefixObjects.Plan(input, destination.ToString());
            (check, files) = (report, [.. objects.Select(o => (o.LocalPath!, o.Path))]);
        }
        else
        {
            check = ExtractionSimulator.Simulate(ModelSourceReader.Read(input, new ModelSourceOptions()), new SimulationOptions { Mode = ExtractionMode.S3ObjectGzip });
            files = [(input, Path.GetFileName(input))];
        }

        if (check.HasErrors)
        {
            return new ModelUploadPlan(check, [], null, []);
        }

        var predictions = await Fingerprinter.ComputeManyAsync([.. files.Select(f => f.Local)], prediction, cancellationToken);
        var keyPrefix = isLayout || destination.IsPrefix ? destination.Key : null;
        var items = files.Select((f, i) => new UploadItem(f.Local, keyPrefix is null ? destination.Key : keyPrefix + f.Relative, predictions[i])).ToList();
        if (manifestPath is null)
        {
            return new ModelUploadPlan(check, items, null, []);
        }

        var differences = ManifestComparer.Compare(
            ManifestReader.Read(manifestPath),
            [.. files.Select((f, i) => new ObservedObject(f.Relative, predictions[i].Length, predictions[i].ETag))]);
        var manifestKey = ManifestLocation.Resolve(destination, manifestS3Uri, out var problem) ?? throw new ModelInputException(problem!);
        var manifest = new UploadItem(manifestPath, manifestKey, await Fingerprinter.ComputeAsync(manifestPath, prediction, cancellationToken));
        return new ModelUploadPlan(check, items, manifest, differences);
    }
}
