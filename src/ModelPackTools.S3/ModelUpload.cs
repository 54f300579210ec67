using Amazon.Runtime;
using ModelPackTools.Diagnostics;
using ModelPackTools.IO;

namespace ModelPackTools.S3;

/// <summary>
/// A whole model upload: every object first, each ETag checked against its prediction, and the manifest last, only
/// when every object is there and matches. A bucket therefore never holds a manifest listing objects that did not
/// arrive intact, whatever interrupts the upload.
/// </summary>
public static class ModelUpload
{
    public static async Task<ModelUploadResult> RunAsync(
        S3ObjectUploader uploader, string bucket, IReadOnlyList<UploadItem> objects, UploadItem? manifest, CancellationToken cancellationToken)
    {
        var uploaded = await uploader.UploadAllAsync(bucket, objects, cancellationToken);
        if (manifest is null || uploaded.Any(u => !u.Matches))
        {
            return new ModelUploadResult(uploaded, null);
        }

        return new ModelUploadResult(uploaded, await uploader.UploadAsync(bucket, manifest, cancellationToken));
    }

    /// <summary>A planned upload with its own client; S3 failures and cancellation become coded failures (MPK9011, MPK9012).</summary>
    public static async Task<ModelUploadResult> RunAsync(
        S3ClientOptions client, int concurrency, IByteProgress? progress, S3Location destination, ModelUploadPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            using var s3 = S3ClientFactory.Create(client);
            using var uploader = new S3ObjectUploader(s3, client.Checksum, concurrency, progress);
            return await RunAsync(uploader, destination.Bucket, plan.Objects, plan.Manifest, cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            var held = plan.Manifest is null ? string.Empty : " and the manifest was not uploaded";
            throw ModelPackException.Because(e, DiagnosticCatalog.Cancelled, $"multipart uploads in flight were aborted{held}");
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // Only an upload that has a manifest can hold it back.
            var held = plan.Manifest is null ? string.Empty : " (the manifest was not uploaded)";
            throw ModelPackException.Because(e, DiagnosticCatalog.S3RequestFailed, $"upload to '{destination}' failed: {e.Message}{held}");
        }
    }
}
