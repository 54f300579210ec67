namespace ModelPackTools.Diagnostics;

/// <summary>A finding about one entry (or, with a null path, about the input as a whole).</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string? Path, string Message)
{
    public string Code => this.Descriptor.Code;

    public DiagnosticSeverity Severity => this.Descriptor.Severity;

    public bool IsError => this.Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{this.Path ?? "(input)"}: {(this.IsError ? "error" : "warning")} {this.Code}: {this.Message}";
}
