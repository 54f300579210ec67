using ModelPackTools.S3;

namespace ModelPackTools.S3;

/// <summary>
/// Where `upload` puts the manifest: never under the model prefix, because SageMaker deploys every object under it
/// (the manifest would land in /opt/ml/model, and `verify` would rightly call it an extra object).
/// </summary>
public static class ManifestLocation
{
    public static string? Resolve(S3Location model, string? manifestUri, out string? problem)
    {
        problem = null;
        if (manifestUri is null)
        {
            if (model.Key.Length == 0)
            {
                problem = "the model is the whole bucket; give --manifest-s3-uri in another place";
                return null;
            }

            return model.Key.TrimEnd('/') + ".manifest.csv";
        }

        if (!S3Location.TryParse(manifestUri, out var location) || location!.IsPrefix)
        {
            problem = $"--manifest-s3-uri '{manifestUri}' is not an s3://bucket/key URI";
        }
        else if (location.Bucket != model.Bucket)
        {
            problem = $"--manifest-s3-uri must be in the model's bucket '{model.Bucket}'";
        }
        else if (location.Key.StartsWith(model.Key, StringComparison.Ordinal))
        {
            problem = $"--manifest-s3-uri '{manifestUri}' is under the model prefix; SageMaker would deploy it with the model";
        }

        return problem is null ? location!.Key : null;
    }
}
