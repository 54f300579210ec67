using System.Text;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.IO;
using ModelPackTools.Options;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>Renders a report in the chosen format to the console or, atomically, to a file.</summary>
internal static class ReportOutput
{
    public static ReportFormat ParseFormat(string? text, params ReportFormat[] offered) =>
        OptionValues.Require(OptionValues.TryParseReportFormat(text, offered, out var format, out var problem), format, problem);

    public static void Write(ExtractionReport report, ReportFormat format, string? path, TextWriter console) =>
        Write(Render(report, format), path, console);

    /// <summary>Findings that are not a check of one input (a build's, a spec's) in the same three formats.</summary>
    public static void Write(string input, IReadOnlyList<Diagnostic> diagnostics, ReportFormat format, Func<byte[]> json, TextWriter console, ContentCoverage? coverage = null)
    {
        if (format == ReportFormat.Text)
        {
            foreach (var diagnostic in diagnostics)
            {
                console.WriteLine(TextReportWriter.Line(diagnostic, input));
            }

            return;
        }

        using var buffer = new MemoryStream();
        if (format == ReportFormat.Json)
        {
            buffer.Write(json());
        }
        else
        {
            SarifReportWriter.Write(input, diagnostics, buffer, coverage);
            buffer.WriteByte((byte)'\n');
        }

        console.Write(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Write(string text, string? path, TextWriter console)
    {
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
