using System.CommandLine;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Manifests;
using ModelPackTools.Options;
using ModelPackTools.Reporting;
using ModelPackTools.Trees;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack manifest`: one CSV row per object with its predicted ETag and checksums, plus the manifest's ETag.</summary>
internal static class ManifestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("folder") { Description = "A layout (or model folder) whose files become the objects under the prefix." };
        var s3Uri = new Option<string>("--s3-uri") { Description = "The s3://bucket/prefix/ the objects will be uploaded under (ends with '/').", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "The manifest CSV to write.", Required = true };
        var write = new WriteArguments("Files hashed at once.");
        var command = new Command(
            "manifest",
            "Write a CSV manifest (columns: s3_uri, key, size, etag, part_size, part_count, crc64nvme, sha256; sorted by key) " +
            "of the objects a folder becomes under an S3 prefix, with the ETags S3 will report for the chosen part size, " +
            "and print the manifest's own ETag for ManifestEtag. A folder with errors is refused (exit 1).")
        {
            source, s3Uri, target, write.Threads,
        };
        command.AddOptions(write.PartSizes);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = write.Parse(parse);
            var prefix = OptionValues.Require(OptionValues.TryParseS3Uri(parse.GetValue(s3Uri), SettingNames.S3Uri, out var uri, out var problem), uri, problem)!;
            var check = ModelChecker.CheckFolder(parse.GetValue(source)!, new CheckSettings { Mode = ExtractionMode.S3PrefixNone, S3Uri = prefix });
            ManifestResult result;
            using (var progress = ConsoleProgress.For(error, "hashed"))
            {
                result = await ManifestBuilder.BuildAsync(check, prefix, parse.GetValue(target)!, settings.Fingerprint(FingerprintKinds.ETag) with { Progress = progress }, cancellationToken);
            }

            if (!result.Written)
            {
                return CheckOutcome.Refused(result.Check, output, "no manifest written");
            }

            CheckOutcome.WriteWarnings(result.Check, output);
            output.WriteLine($"{result.OutputPath}: {TextReportWriter.Plural(result.Rows.Count, "object")}, {TextReportWriter.FormatBytes(result.Rows.Sum(r => r.Size))}");
            output.WriteLine($"ManifestEtag: {result.ManifestFingerprint!.ETag}");
            return ExitCodes.Clean;
        });
        return command;
    }
}
