using System.Globalization;

namespace ModelPackTools.Diagnostics;

/// <summary>
/// One entry of the catalogue: the stable code, its default severity, a one-line message template and the
/// longer explanation (with the fix) that <c>modelpack explain</c> prints.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    string Title,
    DiagnosticSeverity Severity,
    string MessageFormat,
    string Explanation)
{
    public Diagnostic Create(string? path, params object?[] args) =>
        new(this, path, args.Length == 0 ? this.MessageFormat : string.Format(CultureInfo.InvariantCulture, this.MessageFormat, args));
}
