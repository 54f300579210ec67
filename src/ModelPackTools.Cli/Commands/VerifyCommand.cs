using System.CommandLine;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Manifests;
using ModelPackTools.Reporting;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// `modelpack verify`: compare a manifest with a local layout (re-hashed with each row's part size) or with the
/// objects under an S3 prefix, one line per difference.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var manifest = new Argument<string>("manifest") { Description = "The manifest CSV (keys relative to the model prefix)." };
        var against = new Option<string>("--against")
        {
            Description = "A layout folder, or the s3://bucket/prefix/ the model was uploaded to.",
            Required = true,
        };
        var s3 = new S3Arguments();
        var command = new Command("verify", "Compare a manifest with a folder or an S3 prefix: missing, extra, size- and ETag-changed objects. " +
                                            "Exit code 0: identical; 1: differences; 2: usage, I/O or S3 failure.")
        {
            manifest, against,
        };
        command.AddOptions(s3.All);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(manifest)!, parse.GetValue(against)!, s3.Parse(parse), output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string manifestPath, string against, S3ClientOptions client, TextWriter output, CancellationToken cancellationToken)
    {
        // The manifest describes a prefix: judge its keys as `check` would before comparing anything with it.
        var check = ModelChecker.Check(manifestPath, new CheckSettings { Mode = ExtractionMode.S3PrefixNone }, cancellationToken: cancellationToken);
        if (check.HasErrors)
        {
            return CheckOutcome.Refused(check.Report, output, "not verified");
        }

        var rows = ManifestReader.Read(manifestPath);
        var observed = await VerifyTarget.ObserveAsync(against, rows, client, Environment.ProcessorCount, cancellationToken);

        var differences = ManifestComparer.Compare(rows, observed);
        foreach (var difference in differences)
        {
            output.WriteLine(difference);
        }

        var checksums = ManifestComparer.ComparedChecksums(rows, observed);
        var compared = checksums.Count == 0
            ? "sizes and ETags compared; no checksum, none recorded in the manifest being held by the objects"
            : $"sizes, ETags and {string.Join(", ", checksums)} compared";
        output.WriteLine(differences.Count == 0
            ? $"{against}: identical to {manifestPath} ({TextReportWriter.Plural(rows.Count, "object")}; {compared})"
            : $"{against}: {TextReportWriter.Plural(differences.Count, "difference")} from {manifestPath}");
        return differences.Count == 0 ? ExitCodes.Clean : ExitCodes.ErrorsFound;
    }
}
