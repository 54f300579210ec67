namespace ModelPackTools.Spec;

/// <summary>How the model reaches S3: one model.tar.gz (ModelDataUrl), or an uncompressed S3Prefix (ModelDataSource).</summary>
public enum ArtifactFormat
{
    TarGz,
    Prefix,
}
