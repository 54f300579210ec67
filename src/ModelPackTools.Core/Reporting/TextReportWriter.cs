using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Reporting;

/// <summary>
/// One line per finding in the compiler format editors and CI logs understand (`path: error MPK1005: message`),
/// then one summary line. Quiet when clean: just the summary.
/// </summary>
public static class TextReportWriter
{
    public static void Write(ExtractionReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            writer.WriteLine(Line(diagnostic, report.Input));
        }

        var verdict = report.HasErrors ? "NOT deployable" : "deployable";
        writer.WriteLine(
            $"{report.Input} ({ModeNames.ToApi(report.Mode)}{ProfileNote(report)}): {verdict}; {Plural(report.FileCount, "file")}, {FormatBytes(report.TotalBytes)}, " +
            $"{Plural(report.ErrorCount, "error")}, {Plural(report.WarningCount, "warning")}");
    }

    private static string ProfileNote(ExtractionReport report) =>
        (ProfileText(report) is { } text ? ", " + text : string.Empty) +
        (report.AcceptedWrapper is { } wrapper ? ", one top-level folder read as " + Printable(wrapper) : string.Empty);

    /// <summary>
    /// "profile triton inferred from resnet/config.pbtxt", or null when no profile was in force, so that a generic
    /// check's summary is unchanged.
    /// </summary>
    public static string? ProfileText(ExtractionReport report) =>
        report.Profile == "none" ? null : $"profile {report.Profile}{(report.ProfileReason is { } why ? $" {why}" : string.Empty)}";

    /// <summary>
    /// One finding in the canonical format: `file(line,col): error CODE: message` when it points into a text file,
    /// else `path: error CODE: message`, with <paramref name="subject"/> standing in for a finding about the whole input.
    /// </summary>
    public static string Line(Diagnostic diagnostic, string subject) =>
        $"{diagnostic.Location?.ToString() ?? Printable(diagnostic.Path) ?? subject}: {(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code}: {Printable(diagnostic.Message)}";

    // The one size format of every output (ByteSize.Format).
    public static string FormatBytes(long bytes) => Hashing.ByteSize.Format(bytes);

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // Names may hold newlines or escape sequences (MPK3002): never let them forge terminal output.
    public static string? Printable(string? text)
    {
        if (text is null || !text.Any(char.IsControl))
        {
            return text;
        }

        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
