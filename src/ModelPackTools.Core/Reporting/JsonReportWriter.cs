using System.Text.Encodings.Web;
using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Reporting;

/// <summary>
/// The machine-readable report. Its shape is documented in the README and only ever grows: property names and
/// order are fixed, codes are stable, and `message` is for people (match on `code`).
/// </summary>
public static class JsonReportWriter
{
    public static void Write(ExtractionReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("input", report.Input);
        json.WriteString("mode", ModeNames.ToOption(report.Mode));
        json.WriteString("profile", report.Profile);
        if (report.ProfileReason is { } profileReason)
        {
            json.WriteString("profileReason", profileReason);
        }

        if (report.AcceptedWrapper is { } wrapper)
        {
            json.WriteString("acceptedWrapper", wrapper);
        }

        json.WriteBoolean("deployable", !report.HasErrors);
        json.WriteStartObject("summary");
        json.WriteNumber("entries", report.EntryCount);
        json.WriteNumber("files", report.FileCount);
        json.WriteNumber("directories", report.DirectoryCount);
        json.WriteNumber("bytes", report.TotalBytes);
        json.WriteNumber("errors", report.ErrorCount);
        json.WriteNumber("warnings", report.WarningCount);
        json.WriteEndObject();
        WriteContent(json, report.Content);
        WriteDiagnostics(json, report.Diagnostics);
        json.WriteEndObject();
    }

    /// <summary>The "diagnostics" array, shared by every command's JSON output so findings read the same everywhere.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter json, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", diagnostic.IsError ? "error" : "warning");
            if (diagnostic.Path is null)
            {
                json.WriteNull("path");
            }
            else
            {
                json.WriteString("path", diagnostic.Path);
            }

            json.WriteString("message", diagnostic.Message);
            WriteLocation(json, diagnostic.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// "content": every scanner of the check with the files it read as its format and their size, how many files were
    /// offered, and every file none claimed (ordinal order); null when no scan ran (`--no-content-scan`).
    /// </summary>
    public static void WriteContent(Utf8JsonWriter json, Content.ContentCoverage? coverage)
    {
        if (coverage is null)
        {
            json.WriteNull("content");
            return;
        }

        json.WriteStartObject("content");
        json.WriteStartArray("scanners");
        foreach (var scanner in coverage.Scanners)
        {
            json.WriteStartObject();
            json.WriteString("name", scanner.Name);
            json.WriteNumber("files", scanner.Files);
            json.WriteNumber("bytes", scanner.Bytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("filesOffered", coverage.FilesOffered);
        json.WriteStartArray("notScanned");
        foreach (var path in coverage.NotScanned)
        {
            json.WriteStringValue(path);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Always present, null when the finding is not about a line of a text file, like "path".
    private static void WriteLocation(Utf8JsonWriter json, SourceLocation? location)
    {
        if (location is null)
        {
            json.WriteNull("location");
            return;
        }

        json.WriteStartObject("location");
        json.WriteString("file", location.File);
        json.WriteNumber("line", location.Line);
        if (location.Column > 0)
        {
            json.WriteNumber("column", location.Column);
        }

        json.WriteEndObject();
    }
}
