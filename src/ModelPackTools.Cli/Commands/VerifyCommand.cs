using System.CommandLine;
using Amazon.Runtime;
using ModelPackTools.Extraction;
using ModelPackTools.Manifests;
using ModelPackTools.S3;
using ModelPackTools.Sources;
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
        command.SetAction((parse, cancellationToken) =>
        {
            var client = s3.TryParse(parse, UploadChecksum.None, out var problem);
            return client is null
                ? Task.FromResult(CommandFailure.Report(error, problem!))
                : RunAsync(parse.GetValue(manifest)!, parse.GetValue(against)!, client, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string manifestPath, string against, S3ClientOptions client, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<ObservedObject> observed;
        List<ManifestRow> rows;
        try
        {
            // The manifest describes a prefix: judge its keys as `check` would before comparing anything with it.
            var check = ExtractionSimulator.Simulate(ManifestSource.Read(manifestPath), new SimulationOptions { Mode = ExtractionMode.S3PrefixNone });
            if (check.HasErrors)
            {
                return CheckOutcome.Refused(check, output, "not verified");
            }

            rows = ManifestReader.Read(manifestPath);
            observed = LiveListing.Applies(against)
                ? await ObserveBucketAsync(against, rows, client, cancellationToken)
                : await LocalTreeObserver.ObserveAsync(against, rows, Environment.ProcessorCount, cancellationToken);
        }
        catch (Exception e) when (e is ModelInputException or IOException or UnauthorizedAccessException or AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return CommandFailure.Report(error, e.Message);
        }

        var differences = ManifestComparer.Compare(rows, observed);
        foreach (var difference in differences)
        {
            output.WriteLine(difference);
        }

        output.WriteLine(differences.Count == 0
            ? $"{against}: identical to {manifestPath} ({rows.Count} objects)"
            : $"{against}: {differences.Count} differences from {manifestPath}");
        return differences.Count == 0 ? ExitCodes.Clean : ExitCodes.ErrorsFound;
    }

    private static async Task<IReadOnlyList<ObservedObject>> ObserveBucketAsync(string uri, List<ManifestRow> rows, S3ClientOptions options, CancellationToken cancellationToken)
    {
        // A prefix without '/' would also list its siblings (models/m/1 lists models/m/10/...).
        if (!S3Location.TryParse(uri, out var location) || !location!.IsPrefix)
        {
            throw new ModelInputException($"'{uri}' is not an s3://bucket/prefix/ URI ending with '/'");
        }

        using var client = S3ClientFactory.Create(options);
        return await S3BucketObserver.ObserveAsync(client, location, rows, 8, cancellationToken);
    }
}
