using ModelPackTools.Extraction;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// How the writing commands report the check they ran first: the full report when refused, else the warnings and the
/// content scan's coverage line, so what `pack` or `layout` did not scan is as visible as in `check`.
/// </summary>
internal static class CheckOutcome
{
    public static int Refused(ExtractionReport check, TextWriter output, string nothingWritten)
    {
        TextReportWriter.Write(check, output);
        output.WriteLine($"{nothingWritten}: fix the errors above");
        return ExitCodes.ErrorsFound;
    }

    public static void WriteWarnings(ExtractionReport check, TextWriter output)
    {
        foreach (var warning in check.Diagnostics)
        {
            output.WriteLine(TextReportWriter.Line(warning, check.Input));
        }

        if (TextReportWriter.ContentLine(check.Content) is { } content)
        {
            output.WriteLine(content);
        }
    }
}
