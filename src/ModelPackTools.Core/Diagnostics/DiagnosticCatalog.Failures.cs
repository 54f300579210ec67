namespace ModelPackTools.Diagnostics;

/// <summary>MPK9xxx: failures that stop a command (exit 2): unreadable input, bad option values, I/O and S3 errors.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnreadableInput = new(
        "MPK9001", "Input is not a model", DiagnosticSeverity.Error,
        "{0}",
        "The input could not be read as a directory, a tar archive or an S3 listing at all. Fix: check the path and " +
        "the file format.");
}
