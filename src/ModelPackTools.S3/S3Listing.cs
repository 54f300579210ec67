using Amazon.S3;
using Amazon.S3.Model;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.S3;

/// <summary>Lists every object under a prefix (ListObjectsV2, all pages) and turns the listing into a model tree.</summary>
public static class S3Listing
{
    public static async Task<IReadOnlyList<S3Object>> ListAsync(IAmazonS3 client, S3Location location, CancellationToken cancellationToken = default)
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key };
        do
        {
            var page = await client.ListObjectsV2Async(request, cancellationToken);
            objects.AddRange(page.S3Objects ?? []);
            request.ContinuationToken = page.NextContinuationToken;
            if (page.IsTruncated != true)
            {
                break;
            }
        }
        while (request.ContinuationToken is not null);

        return objects;
    }

    /// <summary>The same tree a saved list-objects-v2 JSON of this prefix gives `check`, so the same rules judge it.</summary>
    public static async Task<ModelTree> ReadTreeAsync(IAmazonS3 client, S3Location location, CancellationToken cancellationToken = default)
    {
        var builder = new ListingBuilder(location.ToString(), location.Key);
        foreach (var item in await ListAsync(client, location, cancellationToken))
        {
            builder.Add(item.Key, item.Size ?? -1, item.ETag);
        }

        return builder.Build();
    }
}
