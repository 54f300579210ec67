using ModelPackTools.Diagnostics;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// The one place failures are printed: one line on stderr, `modelpack: error MPK9xxx: message (--option)`, never a
/// stack trace, and exit code 2. Every code is in the catalogue, so `modelpack explain` knows it.
/// </summary>
internal static class FailureOutput
{
    public static int Write(TextWriter error, Diagnostic failure)
    {
        var option = OptionSpellings.For(failure.Setting) is { } spelling ? $" ({spelling})" : string.Empty;
        var where = failure.Location is { } location ? $"{location}: " : string.Empty;
        error.WriteLine($"modelpack: {where}error {failure.Code}: {TextReportWriter.Printable(failure.Message)}{option}");
        return ExitCodes.UsageOrIoFailure;
    }

    public static int Write(TextWriter error, Exception exception) => exception switch
    {
        ModelPackException coded => Write(error, coded.Diagnostic),
        OperationCanceledException => Write(error, DiagnosticCatalog.Cancelled.Create(null, "nothing was written")),
        IOException or UnauthorizedAccessException => Write(error, new Diagnostic(DiagnosticCatalog.InputUnreadable, null, exception.Message)),
        _ => Internal(error, exception),
    };

    private static int Internal(TextWriter error, Exception exception)
    {
        // A bug, not a finding: still one line (set MODELPACK_TRACE=1 to see the stack trace).
        Write(error, DiagnosticCatalog.InternalError.Create(null, exception.GetType().Name, exception.Message));
        if (Environment.GetEnvironmentVariable("MODELPACK_TRACE") == "1")
        {
            error.WriteLine(exception);
        }

        return ExitCodes.UsageOrIoFailure;
    }
}
