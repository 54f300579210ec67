namespace ModelPackTools.Manifests;

/// <summary>
/// One departure from the manifest; <see cref="ToString"/> is the one line `verify` prints for it, with each byte of a
/// local name that is not UTF-8 shown as \xNN, as every report shows it (issue 10, item 2).
/// </summary>
public sealed record ManifestDifference(string Path, ManifestDifferenceKind Kind, string? Expected = null, string? Actual = null)
{
    public override string ToString() => $"{Diagnostics.RawNameText.Display(this.Path)}: {this.What}";

    private string What => this.Kind switch
    {
        ManifestDifferenceKind.Missing => "missing",
        ManifestDifferenceKind.Extra => "extra (not in the manifest; SageMaker would deploy it)",
        ManifestDifferenceKind.SizeChanged => $"size changed: manifest {this.Expected}, found {this.Actual}",
        ManifestDifferenceKind.ETagChanged => $"etag changed: manifest {this.Expected}, found {this.Actual}",
        _ => $"checksum changed: manifest {this.Expected}, found {this.Actual}",
    };
}
