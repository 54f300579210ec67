using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace ModelPackTools.S3;

/// <summary>
/// Builds the one client every command uses. Credentials come from the SDK's standard chain (environment,
/// profile, SSO, container or instance role), resolved when the first request is signed.
/// </summary>
public static class S3ClientFactory
{
    public const string DefaultRegion = "us-east-1";

    public static IAmazonS3 Create(S3ClientOptions options)
    {
        var region = options.Region ?? RegionFromEnvironment() ?? DefaultRegion;
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxAttempts - 1,
            RequestChecksumCalculation = options.Checksum == UploadChecksum.None
                ? RequestChecksumCalculation.WHEN_REQUIRED
                : RequestChecksumCalculation.WHEN_SUPPORTED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.EndpointUrl is { } endpoint)
        {
            // S3-compatible servers rarely resolve bucket.host names; path-style works everywhere.
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonS3Client(config);
    }

    // AWS_REGION / AWS_DEFAULT_REGION / the profile, as the AWS CLI reads them. The SDK's chain would also ask the
    // instance metadata service, which on a laptop means a slow timeout before falling back to us-east-1.
    private static string? RegionFromEnvironment()
    {
        var fromVariables = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(fromVariables))
        {
            return fromVariables.Trim();
        }

        try
        {
            var profileName = Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default";
            var chain = new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain();
            return chain.TryGetProfile(profileName, out var profile) ? profile.Region?.SystemName : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AmazonClientException)
        {
            return null;
        }
    }
}
