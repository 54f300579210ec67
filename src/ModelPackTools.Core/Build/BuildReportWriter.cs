using System.Text.Encodings.Web;
using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Reporting;
using ModelPackTools.Requests;
using ModelPackTools.Spec;

namespace ModelPackTools.Build;

/// <summary>out/report.json: every diagnostic, every checksum, the steps and their timings. Properties are only added.</summary>
public static class BuildReportWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report of a build refused before it started, because the spec itself has errors.</summary>
    public static byte[] WriteRefusedSpec(string specPath, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("tool", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("spec", specPath);
            json.WriteBoolean("deployable", false);
            JsonReportWriter.WriteDiagnostics(json, diagnostics);
            json.WriteEndObject();
        }

        return [.. buffer.ToArray(), (byte)'\n'];
    }

    public static byte[] Write(ModelPackSpec spec, BuildResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("tool", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("source", spec.SourcePath);
            json.WriteString("format", spec.Format == ArtifactFormat.Prefix ? "prefix" : "tar.gz");
            json.WriteString("output", result.OutputDirectory);
            json.WriteBoolean("deployable", !result.HasErrors);
            if (result.Check is { } check)
            {
                json.WriteString("profile", check.Profile);
                if (check.ProfileReason is { } profileReason)
                {
                    json.WriteString("profileReason", profileReason);
                }

                if (check.AcceptedWrapper is { } wrapper)
                {
                    json.WriteString("acceptedWrapper", wrapper);
                }

                json.WriteStartObject("summary");
                json.WriteNumber("files", check.FileCount);
                json.WriteNumber("directories", check.DirectoryCount);
                json.WriteNumber("bytes", check.TotalBytes);
                json.WriteNumber("errors", result.Diagnostics.Count(d => d.IsError));
                json.WriteNumber("warnings", result.Diagnostics.Count(d => !d.IsError));
                json.WriteEndObject();

                // The same "content" object as check's JSON: what each scanner read and what none claimed.
                JsonReportWriter.WriteContent(json, check.Content);
            }

            json.WriteStartArray("excluded");
            foreach (var excluded in result.Excluded)
            {
                json.WriteStartObject();
                json.WriteString("path", excluded.Path);
                json.WriteString("reason", excluded.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Facts is { } facts)
            {
                json.WritePropertyName("facts");
                JsonSerializer.Serialize(json, facts, FactsJsonContext.Indented.BuildFacts);
            }

            json.WriteString("request", result.RequestPath is null ? null : Path.GetFileName(result.RequestPath));
            if (result.Note is not null)
            {
                json.WriteString("note", result.Note);
            }

            json.WriteStartArray("stages");
            foreach (var stage in result.Stages)
            {
                json.WriteStartObject();
                json.WriteString("name", stage.Name);
                json.WriteNumber("milliseconds", Math.Round(stage.Elapsed.TotalMilliseconds, 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            JsonReportWriter.WriteDiagnostics(json, result.Diagnostics);
            json.WriteEndObject();
        }

        return [.. buffer.ToArray(), (byte)'\n'];
    }
}
