namespace ModelPackTools.Manifests;

/// <summary>One departure from the manifest; <see cref="ToString"/> is the one line `verify` prints for it.</summary>
public sealed record ManifestDifference(string Path, ManifestDifferenceKind Kind, string? Expected = null, string? Actual = null)
{
    public override string ToString() => this.Kind switch
    {
        ManifestDifferenceKind.Missing => $"{this.Path}: missing",
        ManifestDifferenceKind.Extra => $"{this.Path}: extra (not in the manifest; SageMaker would deploy it)",
        ManifestDifferenceKind.SizeChanged => $"{this.Path}: size changed: manifest {this.Expected}, found {this.Actual}",
        ManifestDifferenceKind.ETagChanged => $"{this.Path}: etag changed: manifest {this.Expected}, found {this.Actual}",
        _ => $"{this.Path}: checksum changed: manifest {this.Expected}, found {this.Actual}",
    };
}
