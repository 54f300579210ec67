using ModelPackTools.Extraction;

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
            writer.WriteLine($"{Printable(diagnostic.Path) ?? report.Input}: {(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code}: {Printable(diagnostic.Message)}");
        }

        var verdict = report.HasErrors ? "NOT deployable" : "deployable";
        writer.WriteLine(
            $"{report.Input} ({ModeNames.ToApi(report.Mode)}): {verdict}; {report.FileCount} files, {FormatBytes(report.TotalBytes)}, " +
            $"{Plural(report.ErrorCount, "error")}, {Plural(report.WarningCount, "warning")}");
    }

    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB",
    };

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // Names may hold newlines or escape sequences (MPK3002): never let them forge terminal output.
    private static string? Printable(string? text)
    {
        if (text is null || !text.Any(char.IsControl))
        {
            return text;
        }

        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
