using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using ModelPackTools.Hashing;

namespace ModelPackTools.S3.Tests;

/// <summary>
/// The AWS SDK for .NET's own TransferUtility, the version this tool ships (AWSSDK.S3 4.x) with its default settings,
/// uploading to the test server: its ETags must be the ones the `dotnet` preset predicts.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class TransferUtilityTests(S3ServerFixture server)
{
    [Theory]
    [InlineData((16 << 20) - 1)] // under the 16 MiB threshold: one PUT
    [InlineData(17 << 20)] // 8 MiB parts: -3 (the older 5 MiB rule said -4)
    [InlineData((24 << 20) + 1)] // 8 MiB parts: -4
    public async Task Transfer_utility_gives_the_etag_the_dotnet_preset_predicts(int size)
    {
        using var layout = new TestLayout();
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        layout.With("weights.bin", bytes);
        var path = layout.PathOf("weights.bin");
        var key = $"peers/dotnet/{size}.bin";

        using var client = S3ClientFactory.Create(new S3ClientOptions(server.Endpoint, "us-east-1", UploadChecksum.Crc32));
        using (var transfer = new TransferUtility(client))
        {
            await transfer.UploadAsync(path, S3ServerFixture.Bucket, key);
        }

        var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = S3ServerFixture.Bucket, Key = key, ChecksumMode = ChecksumMode.ENABLED });
        var predicted = await Fingerprinter.ComputeAsync(path, new FingerprintOptions(FingerprintKinds.ETag | PartSizePolicy.DotNet.StoredChecksum, PartSizePolicy.DotNet));
        Assert.Equal(predicted.ETag, head.ETag.Trim('"'));

        // What it stores besides: a CRC32 over the whole object, even for multipart (moto computes CRC32 correctly).
        Assert.Equal(predicted.Crc32, head.ChecksumCRC32);
        Assert.Null(head.ChecksumCRC64NVME);
    }
}
