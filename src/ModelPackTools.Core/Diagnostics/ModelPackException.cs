namespace ModelPackTools.Diagnostics;

/// <summary>
/// The one exception the engine throws for a failure that stops a command (exit code 2): input that cannot be read,
/// an option value that is wrong, output that cannot be written. It carries a coded <see cref="Diagnostic"/> from the
/// catalogue (MPK9xxx, or the finding an archive reader stops at), so every front-end can print it as one line and
/// `modelpack explain` knows the code. Never a finding about the model itself: those are diagnostics in a report.
/// </summary>
public class ModelPackException : Exception
{
    public ModelPackException()
        : this(DiagnosticCatalog.UnreadableInput.Create(null, "the input could not be read"))
    {
    }

    public ModelPackException(string message)
        : this(DiagnosticCatalog.UnreadableInput.Create(null, message))
    {
    }

    public ModelPackException(string message, Exception innerException)
        : this(DiagnosticCatalog.UnreadableInput.Create(null, message), innerException)
    {
    }

    public ModelPackException(DiagnosticDescriptor descriptor, params object?[] args)
        : this(descriptor.Create(null, args))
    {
    }

    public ModelPackException(Diagnostic diagnostic, Exception? innerException = null)
        : base(diagnostic.Message, innerException)
    {
        this.Diagnostic = diagnostic;
    }

    public Diagnostic Diagnostic { get; }

    public string Code => this.Diagnostic.Code;

    /// <summary>The same failure caused by <paramref name="inner"/>, e.g. an I/O error wrapped with the path it concerns.</summary>
    public static ModelPackException Because(Exception inner, DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor.Create(null, args), inner);

    /// <summary>A failure that names the option to change.</summary>
    public static ModelPackException ForSetting(string setting, DiagnosticDescriptor descriptor, params object?[] args) =>
        new(descriptor.Create(null, args) with { Setting = setting });
}
