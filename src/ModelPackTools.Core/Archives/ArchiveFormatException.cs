using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>
/// Raised inside the archive readers when the bytes cannot be read further; the reader turns it into the diagnostic
/// it carries and stops, so a hostile archive ends in a finding rather than a stack trace.
/// </summary>
public sealed class ArchiveFormatException : Exception
{
    public ArchiveFormatException()
    {
        this.Descriptor = DiagnosticCatalog.MalformedHeader;
    }

    public ArchiveFormatException(string message)
        : base(message)
    {
        this.Descriptor = DiagnosticCatalog.MalformedHeader;
    }

    public ArchiveFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        this.Descriptor = DiagnosticCatalog.MalformedHeader;
    }

    public ArchiveFormatException(DiagnosticDescriptor descriptor, params object?[] args)
        : base(descriptor.Create(null, args).Message)
    {
        this.Descriptor = descriptor;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Diagnostic ToDiagnostic(string? path = null) => new(this.Descriptor, path, this.Message);
}
