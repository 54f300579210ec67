using System.Text.Encodings.Web;
using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;

namespace ModelPackTools.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools. The input file is the artifact; the entry inside it (an archive member or an
/// S3 key) is a logical location, since it is not a file in the repository. A finding located in a text file (a spec
/// key) has that file as its artifact and a region with the line and column. The content scan's coverage (the JSON
/// report's "content") is the run's property bag, `properties.content`.
/// </summary>
public static class SarifReportWriter
{
    public static void Write(ExtractionReport report, Stream output) => Write(report.Input, report.Diagnostics, output, report.Content);

    public static void Write(string input, IReadOnlyList<Diagnostic> diagnostics, Stream output, Content.ContentCoverage? coverage = null)
    {
        var rules = diagnostics.Select(d => d.Descriptor).Distinct().OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var artifacts = new List<string> { input };
        artifacts.AddRange(diagnostics.Select(d => d.Location?.File).OfType<string>().Distinct(StringComparer.Ordinal).Where(f => f != input));
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("artifacts");
        foreach (var artifact in artifacts)
        {
            json.WriteStartObject();
            json.WriteStartObject("location");
            json.WriteString("uri", ArtifactUri(artifact));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            WriteResult(json, diagnostic, rules.IndexOf(diagnostic.Descriptor), artifacts);
        }

        json.WriteEndArray();
        if (coverage is not null)
        {
            json.WriteStartObject("properties");
            JsonReportWriter.WriteContent(json, coverage);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", string.Concat(rule.Title.Split(' ', '\'', '.', ',').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Explanation);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Explanation} Run `modelpack explain {rule.Code}`.");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, List<string> artifacts)
    {
        var artifact = diagnostic.Location?.File ?? artifacts[0];
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", diagnostic.IsError ? "error" : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Path is null ? diagnostic.Message : $"{diagnostic.Path}: {diagnostic.Message}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(artifact));
        json.WriteNumber("index", artifacts.IndexOf(artifact));
        json.WriteEndObject();
        if (diagnostic.Location is { } location)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            if (location.Column > 0)
            {
                json.WriteNumber("startColumn", location.Column);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (diagnostic.Path is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", diagnostic.Path);
            json.WriteString("kind", "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// SARIF wants URI references: a relative path becomes a relative reference with '/' and percent-encoding; an
    /// absolute path becomes a file:// URI (a relative reference must not begin with '/', SARIF1004); an s3:// input
    /// is already a URI.
    /// </summary>
    internal static string ArtifactUri(string input)
    {
        if (input.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return "s3://" + Escape(input[5..]);
        }

        return Path.IsPathRooted(input) ? new Uri(Path.GetFullPath(input)).AbsoluteUri : Escape(input);
    }

    private static string Escape(string path) => string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
