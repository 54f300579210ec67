namespace ModelPackTools.Diagnostics;

// MPK9016-MPK9029: upload and verify failures about what a manifest says of where the model lives.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ManifestForAnotherPrefix = new(
        "MPK9016", "Manifest describes another S3 location", DiagnosticSeverity.Error,
        "{0}",
        Failure + " Every row of a manifest names its object's full s3:// URI (the s3_uri column); this one names a " +
        "bucket or prefix other than the one the command was given, so uploading or verifying against it would compare " +
        "the right files with the wrong place. Fix: give the --s3-uri/--against the manifest was written for, or write " +
        "the manifest again for the new place (`modelpack manifest --s3-uri`).");
}
