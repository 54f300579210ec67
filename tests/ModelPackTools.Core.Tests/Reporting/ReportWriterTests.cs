using System.Text;
using System.Text.Json;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Reporting;

namespace ModelPackTools.Core.Tests.Reporting;

public class ReportWriterTests
{
    private static readonly ModelPackTools.Extraction.ExtractionReport Report =
        Checks.CheckKeys("config.json", "weights", "weights/part1", "Model.bin", "model.bin");

    [Fact]
    public void Json_report_has_the_documented_shape()
    {
        using var buffer = new MemoryStream();
        JsonReportWriter.Write(Report, buffer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        var root = document.RootElement;

        Assert.Equal("modelpack", root.GetProperty("tool").GetString());
        Assert.Equal("s3prefix-none", root.GetProperty("mode").GetString());
        Assert.False(root.GetProperty("deployable").GetBoolean());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["MPK1005", "MPK3001"], diagnostics.Select(d => d.GetProperty("code").GetString()));
        Assert.Equal("weights/part1", diagnostics[0].GetProperty("path").GetString());
        Assert.Equal("error", diagnostics[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void A_wrapper_folder_a_container_reads_as_it_is_is_said_in_both_reports()
    {
        var report = Checks.CheckKeys("resnet/config.pbtxt", "resnet/1/model.onnx");
        using var buffer = new MemoryStream();
        JsonReportWriter.Write(report, buffer);
        using var writer = new StringWriter();
        TextReportWriter.Write(report, writer);

        using var document = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal("a Triton model repository (resnet/config.pbtxt)", document.RootElement.GetProperty("acceptedWrapper").GetString());
        Assert.Contains("one top-level folder read as a Triton model repository (resnet/config.pbtxt)", writer.ToString(), StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(Json(Report)).RootElement.TryGetProperty("acceptedWrapper", out _));
    }

    [Fact]
    public void Sarif_report_carries_rules_results_and_levels()
    {
        using var buffer = new MemoryStream();
        SarifReportWriter.Write(Report, buffer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        var run = document.RootElement.GetProperty("runs")[0];

        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        Assert.Equal("modelpack", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["MPK1005", "MPK3001"], rules);
        Assert.Equal(["error", "warning"], results.Select(r => r.GetProperty("level").GetString()));
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Equal("listing.json", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }
    }

    [Fact]
    public void Text_report_lists_each_problem_once_then_a_summary()
    {
        using var writer = new StringWriter();
        TextReportWriter.Write(Report, writer);
        var lines = writer.ToString().TrimEnd().Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("weights/part1: error MPK1005: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("model.bin: warning MPK3001: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("NOT deployable", lines[2], StringComparison.Ordinal);
        Assert.Contains("1 error, 1 warning", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "model.bin" }, "1 file, 10 B, 0 errors, 0 warnings")]
    [InlineData(new[] { "a.bin", "b.bin" }, "2 files, 20 B, 0 errors, 0 warnings")]
    public void Text_summary_counts_read_as_english(string[] keys, string expected)
    {
        var writer = new StringWriter();
        TextReportWriter.Write(Checks.CheckKeys(keys), writer);

        Assert.EndsWith("deployable; " + expected + Environment.NewLine, writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_report_never_prints_raw_control_characters()
    {
        using var writer = new StringWriter();
        TextReportWriter.Write(Checks.CheckKeys("config.json", "evil\u001b[2J\nname"), writer);

        Assert.DoesNotContain('\u001b', writer.ToString());
        Assert.Contains("\\u001b", writer.ToString(), StringComparison.Ordinal);
    }

    private static byte[] Json(ModelPackTools.Extraction.ExtractionReport report)
    {
        using var buffer = new MemoryStream();
        JsonReportWriter.Write(report, buffer);
        return buffer.ToArray();
    }
}
