using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ModelPackTools.Diagnostics;
using ModelPackTools.Manifests;

namespace ModelPackTools.S3;

/// <summary>
/// Reads a prefix as <see cref="ObservedObject"/>s for <see cref="ManifestComparer"/>: sizes and ETags from the
/// listing, and the stored CRC64NVME/CRC32/SHA-256 from HeadObject for the keys whose manifest row records one (the
/// listing does not carry checksum values, and objects uploaded without checksums simply have none).
/// </summary>
public static class S3BucketObserver
{
    /// <summary>With a client of its own; S3 failures become coded failures (MPK9011).</summary>
    public static async Task<IReadOnlyList<ObservedObject>> ObserveAsync(
        S3ClientOptions options, S3Location prefix, IReadOnlyList<ManifestRow> rows, int maxConcurrency, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = S3ClientFactory.Create(options);
            return await ObserveAsync(client, prefix, rows, maxConcurrency, cancellationToken);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.S3RequestFailed, $"'{prefix}': {e.Message}");
        }
    }

    public static async Task<IReadOnlyList<ObservedObject>> ObserveAsync(
        IAmazonS3 client, S3Location prefix, IReadOnlyList<ManifestRow> rows, int maxConcurrency, CancellationToken cancellationToken = default)
    {
        var listing = await S3Listing.ListAsync(client, prefix, cancellationToken);
        var withChecksums = rows.Where(r => !string.IsNullOrEmpty(r.Crc64Nvme) || !string.IsNullOrEmpty(r.Sha256) || !string.IsNullOrEmpty(r.Crc32))
            .Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var observed = new ObservedObject[listing.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listing.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var item = listing[i];
                var path = item.Key[prefix.Key.Length..];
                observed[i] = new ObservedObject(path, item.Size ?? -1, item.ETag?.Trim('"'));
                if (withChecksums.Contains(path))
                {
                    var head = await client.GetObjectMetadataAsync(
                        new GetObjectMetadataRequest { BucketName = prefix.Bucket, Key = item.Key, ChecksumMode = ChecksumMode.ENABLED }, token);
                    observed[i] = observed[i] with { Crc64Nvme = head.ChecksumCRC64NVME, Sha256 = head.ChecksumSHA256, Crc32 = head.ChecksumCRC32 };
                }
            });
        return observed;
    }
}
