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

        ModelUploadPlan plan;
        try
        {
            plan = await UploadPlanner.PlanAsync(options.Input, location!, options.ManifestPath, options.ManifestS3Uri, options.Prediction, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or S3LimitException or ModelInputException)
        {
            return CommandFailure.Report(error, e.Message);
        }

        if (plan.Check.HasErrors)
        {
            ReportOutput.Write(plan.Check, ReportFormat.Text, null, output);
            error.WriteLine($"modelpack: refusing to upload '{options.Input}': it would not deploy (see above)");
            return ExitCodes.ErrorsFound;
        }

        if (plan.ManifestDifferences.Count > 0)
        {
            foreach (var difference in plan.ManifestDifferences)
            {
                output.WriteLine(difference);
            }

            error.WriteLine($"modelpack: refusing to upload: '{options.ManifestPath}' does not describe '{options.Input}' uploaded in {options.Prediction.PartSizes} parts");
            return ExitCodes.ErrorsFound;
        }

        return await UploadAsync(options, location!.Bucket, plan, output, error, cancellationToken);
    }

    private static async Task<int> UploadAsync(UploadOptions options, string bucket, ModelUploadPlan plan, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ModelUploadResult result;
        try
        {
            using var progress = ConsoleProgress.For(error, "uploaded");
            progress?.Start(plan.TotalBytes);
            using var client = S3ClientFactory.Create(options.Client);
            using var uploader = new S3ObjectUploader(client, options.Client.Checksum, options.Concurrency, progress);
            result = await ModelUpload.RunAsync(uploader, bucket, plan.Objects, plan.Manifest, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return CommandFailure.Report(error, "upload cancelled: multipart uploads in flight were aborted and the manifest was not uploaded");
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return CommandFailure.Report(error, $"upload to '{options.S3Uri}' failed: {e.Message} (the manifest was not uploaded)");
        }

        var uploaded = result.Manifest is null ? result.Objects : [.. result.Objects, result.Manifest];
        var mismatches = uploaded.Where(u => !u.Matches).ToList();
        foreach (var mismatch in mismatches)
        {
            output.WriteLine($"{mismatch.Key}: etag mismatch: predicted {mismatch.PredictedETag}, S3 returned {mismatch.ActualETag}");
        }

        if (mismatches.Count > 0)
        {
            var held = plan.Manifest is not null && result.Manifest is null ? "; the manifest was not uploaded" : string.Empty;
            error.WriteLine($"modelpack: error: {mismatches.Count} of {uploaded.Count} objects do not have the predicted ETag{held}");
            return ExitCodes.ErrorsFound;
        }

        output.WriteLine($"uploaded {plan.Objects.Count} objects ({ByteSize.Format(plan.TotalBytes)}) to {options.S3Uri}, every ETag as predicted ({options.Prediction.PartSizes} parts)");
        if (result.Manifest is { } sent)
        {
            output.WriteLine($"manifest: s3://{bucket}/{sent.Key}");
        }

        return ExitCodes.Clean;
    }
}
