namespace ModelPackTools.Diagnostics;

/// <summary>How bad a finding is. Errors fail deployment (exit code 1); warnings are surprising but survivable.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
