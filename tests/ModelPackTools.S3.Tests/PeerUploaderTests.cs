using System.Text.Json;
using ModelPackTools.Hashing;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// The real uploaders the presets describe, run against the test server: the object's ETag S3 computes must be the one
/// the tool predicts for that uploader, single PUT and multipart alike.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class PeerUploaderTests(S3ServerFixture server)
{
    // 17 MiB: three 8 MiB parts for the AWS CLI and boto3; one byte under 8 MiB: one PUT.
    private static readonly int[] Sizes = [17 << 20, (8 << 20) - 1];

    [Fact]
    public async Task Aws_cli_cp_gives_the_etag_the_aws_cli_preset_predicts()
    {
        using var layout = new TestLayout();
        foreach (var size in Sizes)
        {
            var path = Random(layout, $"cli-{size}.bin", size);
            var key = $"peers/aws-cli/{size}.bin";
            PeerTool.Run("aws", "s3", "cp", path, $"s3://{S3ServerFixture.Bucket}/{key}", "--endpoint-url", server.Endpoint, "--only-show-errors");

            Assert.Equal(await Predicted(path, PartSizePolicy.AwsCli), await this.StoredETag(key));
        }
    }

    [Fact]
    public async Task Boto3_upload_file_gives_the_etag_the_boto3_preset_predicts()
    {
        using var layout = new TestLayout();
        foreach (var size in Sizes)
        {
            var path = Random(layout, $"boto3-{size}.bin", size);
            var key = $"peers/boto3/{size}.bin";
            PeerTool.Run(
                "python3", "-c", "import sys, boto3; boto3.client('s3', endpoint_url=sys.argv[1]).upload_file(sys.argv[2], sys.argv[3], sys.argv[4])",
                server.Endpoint, path, S3ServerFixture.Bucket, key);

            Assert.Equal(await Predicted(path, PartSizePolicy.Parse("boto3")), await this.StoredETag(key));
        }
    }

    [Fact]
    public void Aws_cli_accepts_the_create_model_package_request_the_tool_writes()
    {
        // The AWS CLI validates the request against its own SageMaker model before sending it; moto then creates it.
        using var layout = new TestLayout();
        var request = layout.Scratch("create-model-package.json");
        var spec = Path.Combine(RepositoryPaths.Root, "templates", "modelpack", "modelpack.json");
        var written = CommandRunner.Run("request", "--spec", spec, "-o", request);
        Assert.True(written.ExitCode == 0, written.Output + written.Error);
        var group = JsonDocument.Parse(File.ReadAllText(request)).RootElement.GetProperty("ModelPackageGroupName").GetString()!;

        PeerTool.Run("aws", "sagemaker", "create-model-package-group", "--model-package-group-name", group, "--endpoint-url", server.Endpoint);
        var created = JsonDocument.Parse(PeerTool.Run(
            "aws", "sagemaker", "create-model-package", "--cli-input-json", "file://" + request, "--endpoint-url", server.Endpoint));
        var arn = created.RootElement.GetProperty("ModelPackageArn").GetString()!;
        var described = JsonDocument.Parse(PeerTool.Run(
            "aws", "sagemaker", "describe-model-package", "--model-package-name", arn, "--endpoint-url", server.Endpoint));

        var sent = JsonDocument.Parse(File.ReadAllText(request)).RootElement.GetProperty("InferenceSpecification").GetProperty("Containers")[0];
        var stored = described.RootElement.GetProperty("InferenceSpecification").GetProperty("Containers")[0];
        Assert.Equal(sent.GetProperty("ModelDataUrl").GetString(), stored.GetProperty("ModelDataUrl").GetString());
        Assert.Equal(sent.GetProperty("Image").GetString(), stored.GetProperty("Image").GetString());
    }

    private static string Random(TestLayout layout, string name, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        layout.With(name, bytes);
        return layout.PathOf(name);
    }

    private static async Task<string> Predicted(string path, PartSizePolicy uploader) =>
        (await Fingerprinter.ComputeAsync(path, new FingerprintOptions(FingerprintKinds.ETag, uploader))).ETag!;

    private async Task<string> StoredETag(string key)
    {
        using var client = server.CreateClient();
        return (await client.GetObjectMetadataAsync(S3ServerFixture.Bucket, key)).ETag.Trim('"');
    }
}
