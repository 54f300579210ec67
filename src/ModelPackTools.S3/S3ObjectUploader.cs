using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ModelPackTools.S3;

/// <summary>
/// Uploads files with exactly the predicted plan: one PUT, or multipart with the predicted part size, so the ETag
/// S3 computes can be compared with the prediction. At most <paramref name="maxConcurrency"/> requests are in flight
/// across all files. A multipart upload that fails or is cancelled is aborted, so no invisible parts are left billed.
/// </summary>
public sealed class S3ObjectUploader(IAmazonS3 client, UploadChecksum checksum, int maxConcurrency, IO.IByteProgress? progress = null) : IDisposable
{
    private readonly SemaphoreSlim gate = new(maxConcurrency);

    public async Task<IReadOnlyList<UploadedObject>> UploadAllAsync(string bucket, IReadOnlyList<UploadItem> items, CancellationToken cancellationToken)
    {
        var results = new UploadedObject[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await this.UploadAsync(bucket, items[i], token));
        return results;
    }

    public async Task<UploadedObject> UploadAsync(string bucket, UploadItem item, CancellationToken cancellationToken)
    {
        var etag = item.Predicted.IsMultipart
            ? await this.UploadMultipartAsync(bucket, item, cancellationToken)
            : await this.PutAsync(bucket, item, cancellationToken);
        return new UploadedObject(item.Key, item.Predicted.ETag ?? string.Empty, etag.Trim('"'));
    }

    public void Dispose() => this.gate.Dispose();

    private async Task<string> PutAsync(string bucket, UploadItem item, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest { BucketName = bucket, Key = item.Key, FilePath = item.LocalPath, UseChunkEncoding = this.UseChunkEncoding };
        request.ChecksumAlgorithm = this.SdkChecksum;
        request.StreamTransferProgress += this.OnProgress;
        await this.gate.WaitAsync(cancellationToken);
        try
        {
            return (await client.PutObjectAsync(request, cancellationToken)).ETag;
        }
        finally
        {
            this.gate.Release();
        }
    }

    private async Task<string> UploadMultipartAsync(string bucket, UploadItem item, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = bucket, Key = item.Key };
        if (checksum == UploadChecksum.Crc32)
        {
            initiate.ChecksumAlgorithm = ChecksumAlgorithm.CRC32;
        }
        else if (checksum == UploadChecksum.Crc64Nvme)
        {
            // CRC64NVME is always a full-object checksum: S3 combines the part values and checks the total.
            initiate.ChecksumAlgorithm = ChecksumAlgorithm.CRC64NVME;
            initiate.ChecksumType = ChecksumType.FULL_OBJECT;
        }

        string uploadId;
        await this.gate.WaitAsync(cancellationToken);
        try
        {
            uploadId = (await client.InitiateMultipartUploadAsync(initiate, cancellationToken)).UploadId;
        }
        finally
        {
            this.gate.Release();
        }

        try
        {
            var parts = new PartETag[item.Predicted.PartCount];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, parts.Length),
                new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
                async (i, token) => parts[i] = await this.UploadPartAsync(bucket, item, uploadId, i, token));
            var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = item.Key, UploadId = uploadId, PartETags = [.. parts] };
            if (checksum == UploadChecksum.Crc64Nvme)
            {
                // The predicted whole-object value: S3 combines the parts' CRCs and refuses the upload if they differ.
                complete.ChecksumType = ChecksumType.FULL_OBJECT;
                complete.ChecksumCRC64NVME = item.Predicted.Crc64Nvme
                    ?? throw new InvalidOperationException("CRC64NVME multipart uploads need the CRC64NVME in the prediction");
            }

            await this.gate.WaitAsync(cancellationToken);
            try
            {
                return (await client.CompleteMultipartUploadAsync(complete, cancellationToken)).ETag;
            }
            finally
            {
                this.gate.Release();
            }
        }
        catch
        {
            await this.AbortAsync(bucket, item.Key, uploadId);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(string bucket, UploadItem item, string uploadId, int index, CancellationToken cancellationToken)
    {
        var position = index * item.Predicted.PartSize;
        var request = new UploadPartRequest
        {
            BucketName = bucket,
            Key = item.Key,
            UploadId = uploadId,
            PartNumber = index + 1,
            FilePath = item.LocalPath,
            FilePosition = position,
            PartSize = Math.Min(item.Predicted.PartSize, item.Predicted.Length - position),
            UseChunkEncoding = this.UseChunkEncoding,
        };
        request.ChecksumAlgorithm = this.SdkChecksum;
        request.StreamTransferProgress += this.OnProgress;
        await this.gate.WaitAsync(cancellationToken);
        try
        {
            var response = await client.UploadPartAsync(request, cancellationToken);
            return new PartETag
            {
                PartNumber = index + 1,
                ETag = response.ETag,
                ChecksumCRC32 = response.ChecksumCRC32,
                ChecksumCRC64NVME = response.ChecksumCRC64NVME,
            };
        }
        finally
        {
            this.gate.Release();
        }
    }

    // Not cancellable on purpose: after Ctrl+C the abort is exactly what must still happen.
    private async Task AbortAsync(string bucket, string key, string uploadId)
    {
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            // The original failure is the one worth reporting; a bucket lifecycle rule cleans up what this leaves.
        }
    }

    private void OnProgress(object? sender, StreamTransferProgressArgs e) => progress?.Advance(e.IncrementTransferred);

    // The SDK computes the checksum while it streams the body (CRC64NVME over System.IO.Hashing since AWSSDK.Core 4.1)
    // and sends it as the trailer of an aws-chunked body; S3 checks it against the bytes it received.
    private ChecksumAlgorithm? SdkChecksum => checksum switch
    {
        UploadChecksum.Crc32 => ChecksumAlgorithm.CRC32,
        UploadChecksum.Crc64Nvme => ChecksumAlgorithm.CRC64NVME,
        _ => null,
    };

    // With no flexible checksum the body goes plain, for servers that do not decode aws-chunked bodies.
    private bool UseChunkEncoding => checksum != UploadChecksum.None;
}
