using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Manifests;
using ModelPackTools.Options;

namespace ModelPackTools.S3;

/// <summary>What `verify` compares a manifest with: the objects under an s3:// prefix, or a local layout re-hashed.</summary>
public static class VerifyTarget
{
    /// <param name="threads">Files hashed at once for a local layout; the caller's choice.</param>
    public static async Task<IReadOnlyList<ObservedObject>> ObserveAsync(
        string against, IReadOnlyList<ManifestRow> rows, S3ClientOptions client, int threads, CancellationToken cancellationToken)
    {
        if (!ModelSourceReader.IsS3Uri(against))
        {
            return await LocalTreeObserver.ObserveAsync(against, rows, threads, cancellationToken);
        }

        // A prefix without '/' would also list its siblings (models/m/1 lists models/m/10/...).
        var prefix = OptionValues.Require(OptionValues.TryParsePrefixUri(against, SettingNames.S3Uri, out var location, out var problem), location, problem)!;
        ManifestPlace.RequireUnder(rows, prefix, SettingNames.Manifest);
        return await S3BucketObserver.ObserveAsync(client, prefix, rows, 8, cancellationToken);
    }
}
