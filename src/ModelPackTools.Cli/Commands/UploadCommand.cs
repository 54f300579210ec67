using System.CommandLine;
using Amazon.Runtime;
using ModelPackTools.Hashing;
using ModelPackTools.Manifests;
using ModelPackTools.S3;
using ModelPackTools.Sources;

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
        var checksum = new Option<string>("--checksum-algorithm")
        {
            Description = "Additional checksum S3 stores and checks: CRC32 (computed by the SDK, sent as an aws-chunked trailer), " +
                          "CRC64NVME (computed here, sent as a header), or none (no flexible checksums: for S3-compatible servers " +
                          "that do not decode aws-chunked bodies).",
            DefaultValueFactory = _ => "CRC32",
        };
        checksum.AcceptOnlyFromAmong("CRC32", "CRC64NVME", "none", "crc32", "crc64nvme", "NONE");
        var manifest = new Option<string?>("--manifest") { Description = "A manifest of the layout: checked against it first, uploaded last." };
        var manifestUri = new Option<string?>("--manifest-s3-uri")
        {
            Description = "Where the manifest goes; outside the model prefix, since SageMaker deploys everything under it. Default: the prefix with its '/' replaced by '.manifest.csv'.",
        };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 4 };
        var fingerprint = new FingerprintArguments();
        fingerprint.Checksums.Hidden = true;
        var s3 = new S3Arguments();
        var command = new Command("upload", "Upload a layout or archive with the part size the ETag prediction uses, then check every ETag S3 returns. " +
                                            "Exit code 0: uploaded as predicted; 1: refused or an ETag differs; 2: usage, I/O or S3 failure.")
        {
            input, s3Uri, checksum, manifest, manifestUri, concurrency,
        };
        command.AddOptions(fingerprint.All);
        command.AddOptions(s3.All);

        command.SetAction((parse, cancellationToken) =>
        {
            var prediction = fingerprint.TryParse(parse, out var problem);
            var algorithm = parse.GetValue(checksum)!.ToUpperInvariant() switch
            {
                "CRC32" => UploadChecksum.Crc32,
                "NONE" => UploadChecksum.None,
                _ => UploadChecksum.Crc64Nvme,
            };
            var client = prediction is null ? null : s3.TryParse(parse, algorithm, out problem);
            if (client is null)
            {
                return Task.FromResult(CommandFailure.Report(error, problem!));
            }

            if (parse.GetValue(concurrency) < 1)
            {
                return Task.FromResult(CommandFailure.Report(error, "--concurrency must be at least 1"));
            }

            // The CRC64NVME is sent precomputed (see PartChecksum), so the prediction supplies it.
            var kinds = FingerprintKinds.ETag | (algorithm == UploadChecksum.Crc64Nvme ? FingerprintKinds.Crc64Nvme : FingerprintKinds.None);
            var options = new UploadOptions(parse.GetValue(input)!, parse.GetValue(s3Uri)!, prediction! with { Kinds = kinds }, client,
                parse.GetValue(manifest), parse.GetValue(manifestUri), parse.GetValue(concurrency));
            return UploadRun.RunAsync(options, output, error, cancellationToken);
        });
        return command;
    }
}

internal sealed record UploadOptions(
    string Input, string S3Uri, FingerprintOptions Prediction, S3ClientOptions Client, string? ManifestPath, string? ManifestS3Uri, int Concurrency);
