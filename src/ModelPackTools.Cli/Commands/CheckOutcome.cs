using ModelPackTools.Extraction;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>How the writing commands report the check they ran first: the full report when refused, else the warnings.</summary>
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
    }
}
