using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using ModelPackTools.Hashing;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// What `upload` refuses and what its ETag check catches. s3rver differs from S3 in two ways that matter here, and the
/// tests assert exactly those differences rather than pretend they away: it stores the SDK's aws-chunked body framing
/// as object bytes (so the default flexible checksums corrupt uploads to it), and it reports a multipart object's
/// ETag as the plain MD5 of the whole object, where S3 reports MD5(part MD5s)-N.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class UploadChecksTests(S3ServerFixture server)
{
    [Fact]
    public async Task Multipart_upload_sends_the_predicted_parts_and_s3rver_etag_is_reported_as_a_mismatch()
    {
        const string prefix = "multipart/model/";
        var bytes = new byte[(5 << 20) + 1000];
        new Random(7).NextBytes(bytes);
        using var layout = new TestLayout().With("weights.bin", bytes);
        var manifest = layout.WriteManifest($"s3://{S3ServerFixture.Bucket}/{prefix}");

        var result = CommandRunner.Run(
            "upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--part-size", "5MiB", "--manifest", manifest,
            "--checksum-algorithm", "none", "--endpoint-url", server.Endpoint);

        // The manifest written for aws-cli parts (one PUT at this size) does not describe a 5 MiB multipart upload.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("weights.bin: etag changed", result.Output);

        result = CommandRunner.Run(
            "upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--part-size", "5MiB",
            "--checksum-algorithm", "none", "--endpoint-url", server.Endpoint);

        // S3's algorithm, computed here independently: MD5 of the concatenated binary part MD5s, then "-2".
        var partDigests = MD5.HashData(bytes.AsSpan(0, 5 << 20)).Concat(MD5.HashData(bytes.AsSpan(5 << 20))).ToArray();
        var predicted = Convert.ToHexStringLower(MD5.HashData(partDigests)) + "-2";
        var wholeMd5 = Convert.ToHexStringLower(MD5.HashData(bytes));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{prefix}weights.bin: etag mismatch: predicted {predicted}, S3 returned {wholeMd5}", result.Output);

        // s3rver reassembled the parts into exactly the file's bytes: only its ETag algorithm differs from S3's.
        using var client = server.CreateClient();
        using var stored = await client.GetObjectAsync(S3ServerFixture.Bucket, prefix + "weights.bin");
        using var copy = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void Default_flexible_checksums_are_caught_by_the_etag_check_on_s3rver()
    {
        using var layout = new TestLayout().With("config.json", "{\"a\": 1}");

        var result = CommandRunner.Run("upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/chunked/model/", "--endpoint-url", server.Endpoint);

        // The SDK sends an aws-chunked body with a trailing CRC64NVME; s3rver keeps the framing as content.
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        Assert.Contains("config.json: etag mismatch", result.Output);
    }

    [Fact]
    public void Crc64nvme_goes_as_a_precomputed_header_with_a_plain_body_in_single_and_multipart_uploads()
    {
        var big = new byte[(5 << 20) + 10];
        new Random(3).NextBytes(big);
        using var layout = new TestLayout().With("config.json", "{}").With("weights.bin", big);

        var result = CommandRunner.Run(
            "upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/crc64/model/", "--part-size", "5MiB", "--checksum-algorithm", "CRC64NVME",
            "--endpoint-url", server.Endpoint);

        // s3rver ignores checksum headers, so this proves the body was sent plain (config.json's ETag matches) and the
        // requests were accepted; that S3 accepts the values is covered by Core's CRC64NVME tests, not here. The
        // multipart object still differs only by s3rver's whole-object ETag.
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("config.json", result.Output);
        Assert.Contains($"crc64/model/weights.bin: etag mismatch: predicted ", result.Output);
        Assert.Contains(Convert.ToHexStringLower(MD5.HashData(big)), result.Output);
    }

    [Fact]
    public async Task Layout_that_would_not_deploy_is_refused_before_anything_is_uploaded()
    {
        const string prefix = "refused/model/";
        using var layout = new TestLayout().With("caf\u00e9.txt", "nfc").With("cafe\u0301.txt", "nfd");

        var result = CommandRunner.Run("upload", layout.Model, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{prefix}", "--checksum-algorithm", "none", "--endpoint-url", server.Endpoint);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MPK1009", result.Output);
        using var client = server.CreateClient();
        Assert.Empty(await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, prefix)));
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

        var result = CommandRunner.Run("upload", archive, "--s3-uri", $"s3://{S3ServerFixture.Bucket}/{target}", "--checksum-algorithm", "none", "--endpoint-url", server.Endpoint);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var client = server.CreateClient();
        var listed = Assert.Single(await S3Listing.ListAsync(client, new S3Location(S3ServerFixture.Bucket, expectedKey)));
        var expected = await Fingerprinter.ComputeAsync(archive, new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli));
        Assert.Equal(expected.ETag, listed.ETag.Trim('"'));
    }
}
