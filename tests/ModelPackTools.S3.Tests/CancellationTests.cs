using Amazon.S3.Model;
using ModelPackTools.Hashing;

namespace ModelPackTools.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class CancellationTests(S3ServerFixture server)
{
    [Fact]
    public async Task Cancelled_multipart_upload_is_aborted_and_leaves_no_object()
    {
        const string key = "cancelled/model/weights.bin";
        using var layout = new TestLayout().With("weights.bin", new byte[(10 << 20) + 1]);
        var path = layout.PathOf("weights.bin");
        var predicted = await Fingerprinter.ComputeAsync(path, new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.Fixed(5 << 20)));
        using var real = server.CreateClient();
        var (client, recorder) = RecordingS3Proxy.Wrap(real);
        using var cancel = new CancellationTokenSource();
        using var uploader = new S3ObjectUploader(client, UploadChecksum.None, 1, new Progress(cancel));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => uploader.UploadAsync(S3ServerFixture.Bucket, new UploadItem(path, key, predicted), cancel.Token));

        var initiate = Assert.Single(recorder.Calls, c => c.Method == nameof(client.InitiateMultipartUploadAsync));
        var abort = Assert.Single(recorder.Calls, c => c.Method == nameof(client.AbortMultipartUploadAsync));
        Assert.Equal(key, ((InitiateMultipartUploadRequest)initiate.Request!).Key);
        Assert.False(string.IsNullOrEmpty(((AbortMultipartUploadRequest)abort.Request!).UploadId));
        Assert.DoesNotContain(recorder.Calls, c => c.Method == nameof(client.CompleteMultipartUploadAsync));
        Assert.Empty(await S3Listing.ListAsync(real, new S3Location(S3ServerFixture.Bucket, key)));
    }

    // Cancels as soon as the first bytes are on their way: the upload is then mid-flight, with parts to abort.
    private sealed class Progress(CancellationTokenSource cancel) : ModelPackTools.IO.IByteProgress
    {
        public void Start(long totalBytes)
        {
        }

        public void Advance(long bytes) => cancel.Cancel();
    }
}
