using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Amazon.S3;
using ModelPackTools.Hashing;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// What `upload` refuses and what its ETag check catches, against moto, which computes multipart ETags as S3 does
/// (MD5 of the part MD5s, then -N) and decodes the SDK's aws-chunked bodies.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class UploadChecksTests(S3ServerFixture server)
{
    [Fact]
    public async Task Multipart_upload_has_the_predicted_etag_and_a_manifest_for_other_parts_is_refused()
    {
        const string prefix = "multipart/model/";
        var bytes = new byte[(5 << 20) + 1000];
        new Random(7).NextBytes(bytes);
        using var layout = new TestLayout().With("weights.bin", bytes);
        var manifest = layout.WriteManifest($"s3://{S3ServerFixture.Bucket}/{prefix}");

        var result = CommandRunner.Run(
            "upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--part-size", "5MiB", "--manifest", manifest,
            "--endpoint-url", server.Endpoint);

        // The manifest written for aws-cli parts (one PUT at this size) does not describe a 5 MiB multipart upload.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("weights.bin: etag changed", result.Output);

        result = CommandRunner.Run(
            "upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--part-size", "5MiB", "--endpoint-url", server.Endpoint);

        // S3's algorithm, computed here independently: MD5 of the concatenated binary part MD5s, then "-2".
        var partDigests = MD5.HashData(bytes.AsSpan(0, 5 << 20)).Concat(MD5.HashData(bytes.AsSpan(5 << 20))).ToArray();
        var predicted = Convert.ToHexStringLower(MD5.HashData(partDigests)) + "-2";
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var client = server.CreateClient();
        var head = await client.GetObjectMetadataAsync(S3ServerFixture.Bucket, prefix + "weights.bin");
        Assert.Equal(predicted, head.ETag.Trim('"'));
        using var stored = await client.GetObjectAsync(S3ServerFixture.Bucket, prefix + "weights.bin");
        using var copy = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData(null, "CRC64NVME")]
    [InlineData("CRC32", "CRC32")]
    public async Task The_sdk_computes_the_checksum_and_sends_it_as_an_aws_chunked_trailer(string? algorithm, string stored)
    {
        var big = new byte[(5 << 20) + 10];
        new Random(3).NextBytes(big);
        var prefix = $"sdk-checksum-{stored.ToLowerInvariant()}/model/";
        using var layout = new TestLayout().With("config.json", "{\"a\": 1}").With("weights.bin", big);
        string[] arguments = ["upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--part-size", "5MiB", "--endpoint-url", server.Endpoint];

        var result = CommandRunner.Run(algorithm is null ? arguments : [.. arguments, "--checksum-algorithm", algorithm]);

        // Both bodies arrived as the file's bytes (the ETags match), so the aws-chunked framing was decoded, and the
        // object records the algorithm the SDK sent. moto computes CRC64NVME as CRC-32 without awscrt, so its values
        // are not compared here: the SDK's own value is, against System.IO.Hashing.
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var client = server.CreateClient();
        var heads = new Dictionary<string, Amazon.S3.Model.GetObjectMetadataResponse>();
        foreach (var key in new[] { "config.json", "weights.bin" })
        {
            heads[key] = await client.GetObjectMetadataAsync(new Amazon.S3.Model.GetObjectMetadataRequest
            {
                BucketName = S3ServerFixture.Bucket,
                Key = prefix + key,
                ChecksumMode = ChecksumMode.ENABLED,
            });
            Assert.Equal(stored, heads[key].ChecksumCRC64NVME is null ? "CRC32" : "CRC64NVME");
        }

        var expected = stored == "CRC64NVME"
            ? S3Checksum.Format(System.IO.Hashing.Crc64.HashToUInt64(System.IO.Hashing.Crc64ParameterSet.Nvme, "{\"a\": 1}"u8))
            : S3Checksum.Format(System.IO.Hashing.Crc32.HashToUInt32("{\"a\": 1}"u8));
        Assert.Equal(expected, stored == "CRC64NVME" ? heads["config.json"].ChecksumCRC64NVME : heads["config.json"].ChecksumCRC32);
    }

    [Fact]
    public async Task Layout_that_would_not_deploy_is_refused_before_anything_is_uploaded()
    {
        const string prefix = "refused/model/";
        using var layout = new TestLayout().With("caf\u00e9.txt", "nfc").With("cafe\u0301.txt", "nfd");

        var result = CommandRunner.Run("upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--endpoint-url", server.Endpoint);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MPK1009", result.Output);
        using var client = server.CreateClient();
        Assert.Empty(await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, prefix)));
    }

    [Fact]
    public async Task A_file_whose_name_is_not_utf8_has_no_key_and_nothing_is_uploaded()
    {
        const string prefix = "refused-raw/model/";
        using var layout = new TestLayout().With("config.json", "{}");
        const string Script = "import os, sys\np = os.path.join(os.fsencode(sys.argv[1]), b'caf\\xe9.txt')\n";
        PeerTool.Run("python3", "-c", Script + "open(p, 'wb').write(b'latin-1')", layout.Model);
        try
        {
            var result = CommandRunner.Run("upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--endpoint-url", server.Endpoint);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(@"caf\xe9.txt: error MPK1016", result.Output);
            using var client = server.CreateClient();
            Assert.Empty(await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, prefix)));
        }
        finally
        {
            PeerTool.Run("python3", "-c", Script + "os.remove(p)", layout.Model); // .NET cannot name it to delete it
        }
    }

    [Theory]
    [InlineData("archive/a/model.tar.gz", "archive/a/model.tar.gz")]
    [InlineData("archive/b/", "archive/b/model.tar.gz")]
    public async Task Archive_goes_to_the_object_uri_or_under_the_prefix(string target, string expectedKey)
    {
        using var layout = new TestLayout().With("model.pth", new byte[512]);
        var archive = layout.Scratch("model.tar.gz");
        using (var file = File.Create(archive))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            TarFile.CreateFromDirectory(layout.Model, gzip, includeBaseDirectory: false);
        }

        var result = CommandRunner.Run("upload", archive, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{target}", "--endpoint-url", server.Endpoint);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var client = server.CreateClient();
        var listed = Assert.Single(await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, expectedKey)));
        var expected = await Fingerprinter.ComputeAsync(archive, new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli));
        Assert.Equal(expected.ETag, listed.ETag.Trim('"'));
    }
}
