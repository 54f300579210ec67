using System.CommandLine;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Options;
using ModelPackTools.S3;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// `modelpack upload`: check the layout (or archive), predict every ETag, upload with exactly the predicted part
/// sizes, compare what S3 returns with the prediction, and upload the manifest last.
/// </summary>
internal static class UploadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("input") { Description = "A layout folder (uploaded as a prefix) or a model.tar.gz (one object)." };
        var s3Uri = new Option<string>("--s3-uri")
        {
            Description = "s3://bucket/prefix/ for a folder; s3://bucket/key.tar.gz or s3://bucket/prefix/ (adds the file name) for an archive.",
            Required = true,
        };
        var checksum = new Option<string?>("--checksum-algorithm")
        {
            Description = "Additional checksum S3 stores and checks, computed by the SDK and sent as an aws-chunked trailer: CRC64NVME " +
                          "(the default, as the AWS CLI v2 sends; full-object), CRC32 (composite for multipart), or none (no flexible " +
                          "checksums: for S3-compatible servers that do not decode aws-chunked bodies).",
        };
        var manifest = new Option<string?>("--manifest") { Description = "A manifest of the layout: checked against it first, uploaded last." };
        var manifestUri = new Option<string?>("--manifest-s3-uri")
        {
            Description = "Where the manifest goes; outside the model prefix, since SageMaker deploys everything under it. Default: the prefix with its '/' replaced by '.manifest.csv'.",
        };
        var concurrency = new Option<string?>("--concurrency") { Description = "Requests in flight at once (default 4)." };
        var write = new WriteArguments("Cores to hash on.");
        write.Checksums.Hidden = true;
        write.Threads.Hidden = true;
        var s3 = new S3Arguments();
        var command = new Command("upload", "Upload a layout or archive with the part size the ETag prediction uses, then check every ETag S3 returns. " +
                                            "Exit code 0: uploaded as predicted; 1: refused or an ETag differs; 2: usage, I/O or S3 failure.")
        {
            input, s3Uri, checksum, manifest, manifestUri, concurrency,
        };
        command.AddOptions(write.Fingerprint);
        command.AddOptions(s3.All);

        command.SetAction((parse, cancellationToken) =>
        {
            var settings = write.Parse(parse);
            var client = s3.Parse(parse, parse.GetValue(checksum));
            var inFlight = OptionValues.Require(OptionValues.TryParseConcurrency(parse.GetValue(concurrency), 4, out var n, out var problem), n, problem);
            var destination = OptionValues.Require(OptionValues.TryParseS3Uri(parse.GetValue(s3Uri), SettingNames.S3Uri, out var uri, out problem), uri, problem)!;

            var options = new UploadOptions(parse.GetValue(input)!, destination, settings.Fingerprint(UploadPlanner.PredictionKinds(client.Checksum)), client,
                parse.GetValue(manifest), parse.GetValue(manifestUri), inFlight);
            return UploadRun.RunAsync(options, output, error, cancellationToken);
        });
        return command;
    }
}

internal sealed record UploadOptions(
    string Input, S3Location Destination, FingerprintOptions Prediction, S3ClientOptions Client, string? ManifestPath, string? ManifestS3Uri, int Concurrency);
