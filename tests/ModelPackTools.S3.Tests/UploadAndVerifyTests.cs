namespace ModelPackTools.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class UploadAndVerifyTests(S3ServerFixture server)
{
    private const string Prefix = "upload-verify/model/";

    private static string Uri => $"s3://{S3ServerFixture.Bucket}/{Prefix}";

    [Fact]
    public async Task Uploaded_layout_verifies_clean_then_every_kind_of_change_is_reported()
    {
        using var layout = new TestLayout()
            .With("model.safetensors", Safetensors(4000))
            .With("config.json", "{\"labels\": 2}")
            .With("code/inference.py", "def model_fn(d): pass\n")
            .With("code/requirements.txt", "torch\n");
        var manifest = layout.WriteManifest(Uri);

        var upload = CommandRunner.Run("upload", layout.Model, "--s3-uri", Uri, "--manifest", manifest, "--checksum-algorithm", "none", "--endpoint-url", server.Endpoint);
        Assert.True(upload.ExitCode == 0, upload.Output + upload.Error);
        Assert.Contains("every ETag as predicted", upload.Output);

        using var client = server.CreateClient();
        var keys = (await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, "upload-verify/"))).Select(o => o.Key).ToList();
        Assert.Equal(
            ["upload-verify/model.manifest.csv", "upload-verify/model/code/inference.py", "upload-verify/model/code/requirements.txt", "upload-verify/model/config.json", "upload-verify/model/model.safetensors"],
            keys.Order(StringComparer.Ordinal));

        var clean = CommandRunner.Run("verify", manifest, "--against", Uri, "--endpoint-url", server.Endpoint);
        Assert.True(clean.ExitCode == 0, clean.Output + clean.Error);

        await client.DeleteObjectAsync(S3ServerFixture.Bucket, Prefix + "config.json");
        await server.PutAsync(Prefix + "code/inference.py", "def model_fn(d): return 1\n");
        await server.PutAsync(Prefix + "code/requirements.txt", "numpy\n");
        await server.PutAsync(Prefix + "notes.txt", "left behind");

        var changed = CommandRunner.Run("verify", manifest, "--against", Uri, "--endpoint-url", server.Endpoint);
        Assert.Equal(1, changed.ExitCode);
        var lines = changed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("config.json: missing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("code/inference.py: size changed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("code/requirements.txt: etag changed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("notes.txt: extra", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("model.safetensors", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_in_the_layout_is_uploaded_as_its_target_exactly_as_the_manifest_command_lists_it()
    {
        const string prefix = "upload-link/model/";
        var uri = $"s3://{S3ServerFixture.Bucket}/{prefix}";
        using var layout = new TestLayout().With("weights.bin", new byte[1000]).With("config.json", "{}");
        File.CreateSymbolicLink(layout.PathOf("latest.bin"), "weights.bin");
        var manifest = layout.Scratch("from-command.csv");

        var listed = CommandRunner.Run("manifest", layout.Model, "--s3-uri", uri, "-o", manifest);
        var upload = CommandRunner.Run("upload", layout.Model, "--s3-uri", uri, "--manifest", manifest, "--checksum-algorithm", "none", "--endpoint-url", server.Endpoint);
        var verify = CommandRunner.Run("verify", manifest, "--against", uri, "--endpoint-url", server.Endpoint);

        Assert.True(listed.ExitCode == 0, listed.Output + listed.Error);
        Assert.Contains("latest.bin", File.ReadAllText(manifest), StringComparison.Ordinal);
        Assert.True(upload.ExitCode == 0, upload.Output + upload.Error);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    [Fact]
    public void Local_verify_detects_a_changed_file_and_passes_an_unchanged_one()
    {
        using var layout = new TestLayout().With("weights.bin", new byte[2048]).With("config.json", "{}");
        var manifest = layout.WriteManifest(Uri);

        var clean = CommandRunner.Run("verify", manifest, "--against", layout.Model);
        Assert.True(clean.ExitCode == 0, clean.Output + clean.Error);

        var bytes = new byte[2048];
        bytes[1000] = 1;
        layout.With("weights.bin", bytes);
        var changed = CommandRunner.Run("verify", manifest, "--against", layout.Model);
        Assert.Equal(1, changed.ExitCode);
        Assert.StartsWith("weights.bin: etag changed", changed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_upload_mentions_the_manifest_only_when_there_is_one_and_counts_read_as_english()
    {
        using var layout = new TestLayout().With("config.json", "{}");
        var manifest = layout.WriteManifest("s3://no-such-bucket/m/");

        var without = CommandRunner.Run("upload", layout.Model, "--s3-uri", "s3://no-such-bucket/m/", "--endpoint-url", server.Endpoint);
        var with = CommandRunner.Run("upload", layout.Model, "--s3-uri", "s3://no-such-bucket/m/", "--manifest", manifest, "--endpoint-url", server.Endpoint);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("MPK9011", without.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("manifest", without.Error, StringComparison.Ordinal);
        Assert.Equal(2, with.ExitCode);
        Assert.Contains("(the manifest was not uploaded)", with.Error, StringComparison.Ordinal);

        var uri = $"s3://{S3ServerFixture.Bucket}/wording/model/";
        var upload = CommandRunner.Run("upload", layout.Model, "--s3-uri", uri, "--endpoint-url", server.Endpoint);
        var verify = CommandRunner.Run("verify", layout.WriteManifest(uri), "--against", uri, "--endpoint-url", server.Endpoint);
        Assert.Contains("uploaded 1 object (2 B)", upload.Output, StringComparison.Ordinal);
        Assert.Contains("(1 object; sizes, ETags and crc64nvme compared)", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_of_an_unreadable_manifest_is_a_usage_failure()
    {
        using var layout = new TestLayout();
        var result = CommandRunner.Run("verify", layout.Scratch("nope.csv"), "--against", layout.Model);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("modelpack: error MPK9002: ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A valid safetensors file of one U8 tensor (the content scan, on by default, validates the header).</summary>
    private static byte[] Safetensors(int bytes)
    {
        var header = System.Text.Encoding.UTF8.GetBytes($"{{\"w\":{{\"dtype\":\"U8\",\"shape\":[{bytes}],\"data_offsets\":[0,{bytes}]}}}}");
        var file = new byte[8 + header.Length + bytes];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        return file;
    }
}
