using System.CommandLine;
using ModelPackTools.Hashing;
using ModelPackTools.Manifests;
using ModelPackTools.Reporting;
using ModelPackTools.Sources;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack manifest`: one CSV row per object with its predicted ETag and checksums, plus the manifest's ETag.</summary>
internal static class ManifestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("folder") { Description = "A layout (or model folder) whose files become the objects under the prefix." };
        var s3Uri = new Option<string>("--s3-uri") { Description = "The s3://bucket/prefix/ the objects will be uploaded under (ends with '/').", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "The manifest CSV to write.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Files hashed at once (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var fingerprint = new FingerprintArguments();
        var command = new Command(
            "manifest",
            "Write a CSV manifest (columns: s3_uri, key, size, etag, part_size, part_count, crc64nvme, sha256; sorted by key) " +
            "of the objects a folder becomes under an S3 prefix, with the ETags S3 will report for the chosen part size, " +
            "and print the manifest's own ETag for ManifestEtag. A folder with errors is refused (exit 1).")
        {
            source, s3Uri, target, threads,
        };
        command.AddOptions(fingerprint.PartSizeOnly);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = fingerprint.TryParse(parse, out var problem);
            if (options is null)
            {
                return CommandFailure.Report(error, problem!);
            }

            if (parse.GetValue(threads) < 1)
            {
                return CommandFailure.Report(error, "--threads must be at least 1");
            }

            ManifestResult result;
            try
            {
                using var progress = ConsoleProgress.For(error, "hashed");
                result = await ManifestBuilder.BuildAsync(parse.GetValue(source)!, parse.GetValue(s3Uri)!, parse.GetValue(target)!, options with { MaxDegreeOfParallelism = parse.GetValue(threads), Progress = progress }, cancellationToken);
            }
            catch (Exception e) when (e is ModelInputException or S3LimitException)
            {
                return CommandFailure.Report(error, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandFailure.Report(error, $"cannot write '{parse.GetValue(target)}': {e.Message}");
            }

            if (!result.Written)
            {
                return CheckOutcome.Refused(result.Check, output, "no manifest written");
            }

            CheckOutcome.WriteWarnings(result.Check, output);

            output.WriteLine($"{result.OutputPath}: {result.Rows.Count} objects, {TextReportWriter.FormatBytes(result.Rows.Sum(r => r.Size))}");
            output.WriteLine($"ManifestEtag: {result.ManifestFingerprint!.ETag}");
            return ExitCodes.Clean;
        });
        return command;
    }
}
