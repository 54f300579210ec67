using Amazon.Runtime;
using ModelPackTools.Diagnostics;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.S3;

/// <summary>`check s3://bucket/prefix/`: the live listing behind the engine's <see cref="ILiveListing"/> port.</summary>
public sealed class S3LiveListing(S3ClientOptions options) : ILiveListing
{
    public ModelTree List(S3Location prefix, CancellationToken cancellationToken)
    {
        try
        {
            using var client = S3ClientFactory.Create(options);
            return S3Listing.ReadTreeAsync(client, prefix, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.S3RequestFailed, $"'{prefix}': cannot list: {e.Message}");
        }
    }
}
