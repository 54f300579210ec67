using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Reporting;

/// <summary>
/// One line per finding in the compiler format editors and CI logs understand (`path: error MPK1005: message`),
/// then the content scan's coverage on one line when files were scanned (<see cref="ContentLine"/>), then one summary
/// line. Quiet when clean: the coverage and the summary.
/// </summary>
public static class TextReportWriter
{
    public static void Write(ExtractionReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            writer.WriteLine(Line(diagnostic, report.Input));
        }

        if (ContentLine(report.Content) is { } content)
        {
            writer.WriteLine(content);
        }

        var verdict = report.HasErrors ? "NOT deployable" : "deployable";
        writer.WriteLine(
            $"{report.Input} ({ModeNames.ToApi(report.Mode)}{ProfileNote(report)}): {verdict}; {Plural(report.FileCount, "file")}, {FormatBytes(report.TotalBytes)}, " +
            $"{Plural(report.ErrorCount, "error")}, {Plural(report.WarningCount, "warning")}");
    }

    /// <summary>How many names of files not scanned the text line shows; JSON lists them all.</summary>
    public const int NotScannedShown = 3;

    /// <summary>
    /// `content: pickle 3, zip 1, safetensors 2; 4 files not scanned (config.json, vocab.txt, merges.txt, +1 more)`:
    /// the scanners that read something, with their file counts, then the files none claimed. One line, since a
    /// clean report stays short, but always there when files were offered: a scan that is silent about what it skipped
    /// is how the other scanners miss a `.npy` or a legacy tar. Null when no scan ran or no file was offered (a listing).
    /// </summary>
    public static string? ContentLine(Content.ContentCoverage? coverage)
    {
        if (coverage is null || coverage.FilesOffered == 0)
        {
            return null;
        }

        var read = coverage.Scanners.Where(s => s.Files > 0).Select(s => $"{s.Name} {s.Files}").ToList();
        var scanned = read.Count == 0 ? "no file in a format the scan reads" : string.Join(", ", read);
        if (coverage.NotScanned.Count == 0)
        {
            return $"content: {scanned}; every file scanned";
        }

        var names = coverage.NotScanned.Take(NotScannedShown).Select(n => Printable(n)).ToList();
        if (coverage.NotScanned.Count > NotScannedShown)
        {
            names.Add($"+{coverage.NotScanned.Count - NotScannedShown} more");
        }

        return $"content: {scanned}; {Plural(coverage.NotScanned.Count, "file")} not scanned ({string.Join(", ", names)})";
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
