using System.Text;
using ModelPackTools.Extraction;
using ModelPackTools.IO;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>Renders a report in the chosen format to the console or, atomically, to a file.</summary>
internal static class ReportOutput
{
    public static void Write(ExtractionReport report, ReportFormat format, string? path, TextWriter console)
    {
        var text = Render(report, format);
        if (path is null)
        {
            console.Write(text);
            return;
        }

        StagedOutput.WriteFile(path, stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text)));
    }

    private static string Render(ExtractionReport report, ReportFormat format)
    {
        if (format == ReportFormat.Text)
        {
            using var writer = new StringWriter();
            TextReportWriter.Write(report, writer);
            return writer.ToString();
        }

        using var buffer = new MemoryStream();
        if (format == ReportFormat.Json)
        {
            JsonReportWriter.Write(report, buffer);
        }
        else
        {
            SarifReportWriter.Write(report, buffer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
