using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>
/// Raised inside the archive readers when the bytes cannot be read further; the reader turns it into the diagnostic
/// it carries and stops, so a hostile archive ends in a finding rather than a stack trace. It is the engine's coded
/// exception, so one that escapes a reader is still printed as one line with its code.
/// </summary>
public sealed class ArchiveFormatException : ModelPackException
{
    public ArchiveFormatException()
        : base(DiagnosticCatalog.MalformedHeader, "the archive is malformed")
    {
    }

    public ArchiveFormatException(string message)
        : base(DiagnosticCatalog.MalformedHeader, message)
    {
    }

    public ArchiveFormatException(string message, Exception innerException)
        : base(DiagnosticCatalog.MalformedHeader.Create(null, message), innerException)
    {
    }

    public ArchiveFormatException(DiagnosticDescriptor descriptor, params object?[] args)
        : base(descriptor, args)
    {
    }

    public DiagnosticDescriptor Descriptor => this.Diagnostic.Descriptor;

    public Diagnostic ToDiagnostic(string? path = null) => this.Diagnostic with { Path = path };
}
