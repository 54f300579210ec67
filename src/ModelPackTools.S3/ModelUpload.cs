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
}
