namespace ModelPackTools.Spec;

/// <summary>Where the spec's model data and manifest go in S3: the one place that turns `s3Uri` into object URIs.</summary>
public static class Destinations
{
    public const string ArchiveName = "model.tar.gz";

    /// <summary>tar.gz: the object URI (a prefix ending in '/' gets model.tar.gz appended); prefix: the key prefix as given.</summary>
    public static string? ModelData(ModelPackSpec spec) => spec.S3Uri is not { } uri
        ? null
        : spec.Format == ArtifactFormat.TarGz && uri.EndsWith('/') ? uri + ArchiveName : uri;

    /// <summary>The manifest sits beside the prefix, never under it: under it, it would become a model file.</summary>
    public static string? Manifest(ModelPackSpec spec) => spec.Format != ArtifactFormat.Prefix || spec.S3Uri is null
        ? null
        : spec.ManifestS3Uri ?? spec.S3Uri.TrimEnd('/') + ".manifest.csv";
}
