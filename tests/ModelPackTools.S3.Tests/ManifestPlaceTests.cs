namespace ModelPackTools.S3.Tests;

/// <summary>A manifest names the bucket and prefix it was written for (s3_uri); upload and verify hold it to them.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class ManifestPlaceTests(S3ServerFixture server)
{
    [Fact]
    public async Task Upload_refuses_a_manifest_written_for_another_prefix_before_anything_is_uploaded()
    {
        using var layout = new TestLayout().With("config.json", "{}");
        var manifest = layout.WriteManifest($"s3://{S3ServerFixture.Bucket}/place/prefix/");

        var result = CommandRunner.Run(
            "upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/place/prefix6/", "--manifest", manifest, "--endpoint-url", server.Endpoint);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MPK9016", result.Error, StringComparison.Ordinal);
        Assert.Contains($"s3://{S3ServerFixture.Bucket}/place/prefix/config.json", result.Error, StringComparison.Ordinal);
        using var client = server.CreateClient();
        Assert.Empty(await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, "place/")));
    }

    [Fact]
    public void Verify_refuses_a_manifest_written_for_another_bucket()
    {
        const string prefix = "place-verify/model/";
        using var layout = new TestLayout().With("config.json", "{}").With("weights.bin", new byte[100]);
        var uri = $"s3://{S3ServerFixture.Bucket}/{prefix}";
        var upload = CommandRunner.Run("upload", layout.Model, "--s3-uri", uri, "--endpoint-url", server.Endpoint);
        Assert.True(upload.ExitCode == 0, upload.Output + upload.Error);

        var right = CommandRunner.Run("verify", layout.WriteManifest(uri), "--against", uri, "--endpoint-url", server.Endpoint);
        var wrong = CommandRunner.Run("verify", layout.WriteManifest($"s3://b/{prefix}"), "--against", uri, "--endpoint-url", server.Endpoint);

        Assert.True(right.ExitCode == 0, right.Output + right.Error);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("MPK9016", wrong.Error, StringComparison.Ordinal);
        Assert.Contains("(1 more row too)", wrong.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("identical", wrong.Output, StringComparison.Ordinal);
    }
}
