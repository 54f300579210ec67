using Amazon.Runtime;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Reporting;
using ModelPackTools.S3;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Cli.Commands;

/// <summary>The steps of `upload`, each refusing before anything reaches the bucket when it can.</summary>
internal static class UploadRun
{
    public static async Task<int> RunAsync(UploadOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!S3Location.TryParse(options.S3Uri, out var location))
        {
            return CommandFailure.Report(error, $"'{options.S3Uri}' is not an s3://bucket/key URI");
        }

        var isLayout = Directory.Exists(options.Input);
        if (!isLayout && options.ManifestPath is not null)
        {
            return CommandFailure.Report(error, "--manifest goes with a layout folder, not a single archive");
        }

        // The same judgement as `check`: nothing that would fail to deploy is uploaded. A layout's objects are exactly
        // those `layout` and `manifest` see (links dereferenced), so the upload can never disagree with its manifest.
        ExtractionReport report;
        IReadOnlyList<(string Local, string Relative)> files;
        try
        {
            if (isLayout)
            {
                var (check, objects) = PrefixObjects.Plan(options.Input, options.S3Uri);
                (report, files) = (check, [.. objects.Select(o => (o.LocalPath!, o.Path))]);
            }
            else
            {
                var tree = ModelSourceReader.Read(options.Input, new ModelSourceOptions());
                report = ExtractionSimulator.Simulate(tree, new SimulationOptions { Mode = ExtractionMode.S3ObjectGzip });
                files = [(options.Input, Path.GetFileName(options.Input))];
            }
        }
        catch (ModelInputException e)
        {
            return CommandFailure.Report(error, e.Message);
        }

        if (report.HasErrors)
        {
            ReportOutput.Write(report, ReportFormat.Text, null, output);
            error.WriteLine($"modelpack: refusing to upload '{options.Input}': it would not deploy (see above)");
            return ExitCodes.ErrorsFound;
        }

        var keyPrefix = isLayout || location!.IsPrefix ? location!.Key : null;
        try
        {
            var predictions = await Fingerprinter.ComputeManyAsync([.. files.Select(f => f.Local)], options.Prediction, cancellationToken);
            var items = files.Select((f, i) => new UploadItem(f.Local, keyPrefix is null ? location.Key : keyPrefix + f.Relative, predictions[i])).ToList();
            UploadItem? manifest = null;
            if (options.ManifestPath is { } manifestPath)
            {
                var differences = ManifestComparer.Compare(
                    ManifestReader.Read(manifestPath),
                    [.. files.Select((f, i) => new ObservedObject(f.Relative, predictions[i].Length, predictions[i].ETag))]);
                if (differences.Count > 0)
                {
                    differences.ToList().ForEach(d => output.WriteLine(d));
                    error.WriteLine($"modelpack: refusing to upload: '{manifestPath}' does not describe '{options.Input}' uploaded in {options.Prediction.PartSizes} parts");
                    return ExitCodes.ErrorsFound;
                }

                if (ManifestLocation.Resolve(location, options.ManifestS3Uri, out var problem) is not { } manifestKey)
                {
                    return CommandFailure.Report(error, problem!);
                }

                manifest = new UploadItem(manifestPath, manifestKey, await Fingerprinter.ComputeAsync(manifestPath, options.Prediction, cancellationToken));
            }

            return await UploadAsync(options, location.Bucket, items, manifest, output, error, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or S3LimitException or ModelInputException)
        {
            return CommandFailure.Report(error, e.Message);
        }
    }

    private static async Task<int> UploadAsync(
        UploadOptions options, string bucket, List<UploadItem> items, UploadItem? manifest, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var total = items.Sum(i => i.Predicted.Length);
        var progress = new UploadProgressReporter(error, total);
        ModelUploadResult result;
        try
        {
            using var client = S3ClientFactory.Create(options.Client);
            using var uploader = new S3ObjectUploader(client, options.Client.Checksum, options.Concurrency, progress);
            result = await ModelUpload.RunAsync(uploader, bucket, items, manifest, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return CommandFailure.Report(error, "upload cancelled: multipart uploads in flight were aborted and the manifest was not uploaded");
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return CommandFailure.Report(error, $"upload to '{options.S3Uri}' failed: {e.Message} (the manifest was not uploaded)");
        }

        progress.Finish();
        var uploaded = result.Manifest is null ? result.Objects : [.. result.Objects, result.Manifest];
        var mismatches = uploaded.Where(u => !u.Matches).ToList();
        foreach (var mismatch in mismatches)
        {
            output.WriteLine($"{mismatch.Key}: etag mismatch: predicted {mismatch.PredictedETag}, S3 returned {mismatch.ActualETag}");
        }

        if (mismatches.Count > 0)
        {
            var held = manifest is not null && result.Manifest is null ? "; the manifest was not uploaded" : string.Empty;
            error.WriteLine($"modelpack: error: {mismatches.Count} of {uploaded.Count} objects do not have the predicted ETag{held}");
            return ExitCodes.ErrorsFound;
        }

        output.WriteLine($"uploaded {items.Count} objects ({ByteSize.Format(total)}) to {options.S3Uri}, every ETag as predicted ({options.Prediction.PartSizes} parts)");
        if (result.Manifest is { } sent)
        {
            output.WriteLine($"manifest: s3://{bucket}/{sent.Key}");
        }

        return ExitCodes.Clean;
    }
}
