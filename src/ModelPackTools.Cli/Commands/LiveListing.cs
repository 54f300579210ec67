using Amazon.Runtime;
using ModelPackTools.S3;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Cli.Commands;

/// <summary>`check s3://bucket/prefix/`: lists the prefix live and hands back the tree a saved listing would give.</summary>
internal static class LiveListing
{
    public static bool Applies(string input) => input.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    public static ModelTree Read(string input, S3ClientOptions options)
    {
        if (!S3Location.TryParse(input, out var location))
        {
            throw new ModelInputException($"'{input}' is not an s3://bucket/prefix/ URI");
        }

        try
        {
            using var client = S3ClientFactory.Create(options);
            return S3Listing.ReadTreeAsync(client, location!).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            throw new ModelInputException($"'{input}': cannot list: {e.Message}", e);
        }
    }
}
