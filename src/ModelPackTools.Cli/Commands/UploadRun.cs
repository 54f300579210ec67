using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Reporting;
using ModelPackTools.S3;
using static ModelPackTools.Reporting.TextReportWriter;

namespace ModelPackTools.Cli.Commands;

/// <summary>How `upload` reports its steps, each refusing before anything reaches the bucket when it can.</summary>
internal static class UploadRun
{
    public static async Task<int> RunAsync(UploadOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var check = UploadPlanner.Check(options.Input, options.Destination, new CheckSettings());
        var plan = await UploadPlanner.PlanAsync(check, options.Destination, options.ManifestPath, options.ManifestS3Uri, options.Prediction, cancellationToken);
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

        ModelUploadResult result;
        using (var progress = ConsoleProgress.For(error, "uploaded"))
        {
            progress?.Start(plan.TotalBytes);
            result = await ModelUpload.RunAsync(options.Client, options.Concurrency, progress, options.Destination, plan, cancellationToken);
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
            var verb = mismatches.Count == 1 ? "does" : "do";
            error.WriteLine($"modelpack: error: {mismatches.Count} of {Plural(uploaded.Count, "object")} {verb} not have the predicted ETag{held}");
            return ExitCodes.ErrorsFound;
        }

        output.WriteLine($"uploaded {Plural(plan.Objects.Count, "object")} ({ByteSize.Format(plan.TotalBytes)}) to {options.Destination}, every ETag as predicted ({options.Prediction.PartSizes} parts)");
        if (result.Manifest is { } sent)
        {
            output.WriteLine($"manifest: s3://{options.Destination.Bucket}/{sent.Key}");
        }

        return ExitCodes.Clean;
    }
}
