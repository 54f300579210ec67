using ModelPackTools.Diagnostics;

namespace ModelPackTools.S3;

/// <summary>
/// Where `upload` puts the manifest: never under the model prefix, because SageMaker deploys every object under it
/// (the manifest would land in /opt/ml/model, and `verify` would rightly call it an extra object).
/// </summary>
public static class ManifestLocation
{
    /// <returns>The manifest's key in the model's bucket.</returns>
    /// <exception cref="ModelPackException">MPK9004 naming the manifest URI setting when it cannot be used.</exception>
    public static string Resolve(S3Location model, string? manifestUri)
    {
        if (manifestUri is null)
        {
            return model.Key.Length > 0
                ? model.Key.TrimEnd('/') + ".manifest.csv"
                : throw Invalid("the model is the whole bucket, so the manifest has no place beside it; give the manifest's URI");
        }

        if (!S3Location.TryParse(manifestUri, out var location) || location!.IsPrefix)
        {
            throw Invalid($"the manifest URI '{manifestUri}' is not an s3://bucket/key URI");
        }

        if (location.Bucket != model.Bucket)
        {
            throw Invalid($"the manifest URI must be in the model's bucket '{model.Bucket}'");
        }

        return location.Key.StartsWith(model.Key, StringComparison.Ordinal)
            ? throw Invalid($"the manifest URI '{manifestUri}' is under the model prefix; SageMaker would deploy it with the model")
            : location.Key;
    }

    private static ModelPackException Invalid(string message) =>
        ModelPackException.ForSetting(SettingNames.ManifestS3Uri, DiagnosticCatalog.InvalidOption, message);
}
