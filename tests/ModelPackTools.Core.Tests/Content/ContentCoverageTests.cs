using System.Text.Json;
using ModelPackTools.Content;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Packing;
using ModelPackTools.Reporting;
using ModelPackTools.Tests.Shared;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>
/// The report says how many files each scanner read and which files no scanner claimed (issue 13): a model folder of
/// a pickle, a safetensors file and a torch zip beside text files, by folder check, archive and pack.
/// </summary>
public sealed class ContentCoverageTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public ContentCoverageTests()
    {
        File.WriteAllBytes(this.temp.Write("m/model.pkl"), ModelFiles.TorchStateDict);
        File.WriteAllBytes(this.temp.Write("m/weights.safetensors"), ModelFiles.Safetensors("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8));
        File.WriteAllBytes(this.temp.Write("m/torch.pt"), ZipBuilder.Torch(ModelFiles.TorchStateDict, "0").Build());
        this.temp.Write("m/config.json", "{}");
        this.temp.Write("m/vocab.txt", "a\nb\n");
        this.temp.Write("m/tokenizer/merges.txt", "a b\n");
        this.temp.Write("m/empty", string.Empty);
    }

    private string Model => this.temp.Combine("m");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_folder_check_counts_each_scanners_files_and_lists_the_rest()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings()).Report;

        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics));
        var coverage = Assert.IsType<ContentCoverage>(report.Content);
        Assert.Equal(7, coverage.FilesOffered);
        Assert.Equal(["config.json", "empty", "tokenizer/merges.txt", "vocab.txt"], coverage.NotScanned);
        var read = coverage.Scanners.Where(s => s.Files > 0).ToDictionary(s => s.Name, s => (s.Files, s.Bytes));
        Assert.Equal(3, read.Count);
        Assert.Equal((1, (long)ModelFiles.TorchStateDict.Length), read["pickle"]);
        Assert.Equal(1, read["zip"].Files);
        Assert.Equal((1, new FileInfo(this.temp.Combine("m/weights.safetensors")).Length), read["safetensors"]);
        Assert.Equal(ContentInspectors.All.Select(i => i.Name), coverage.Scanners.Select(s => s.Name));
    }

    [Fact]
    public void The_text_report_says_it_in_one_line_before_the_summary()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings()).Report;
        using var writer = new StringWriter();

        TextReportWriter.Write(report, writer);

        var lines = writer.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Equal("content: pickle 1, zip 1, safetensors 1; 4 files not scanned (config.json, empty, tokenizer/merges.txt, +1 more)", lines[0]);
        Assert.Contains(": deployable;", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_scanned_and_no_scan_read_as_such()
    {
        var all = new ContentCoverage([new ScannerCoverage("pickle", 2, 10), new ScannerCoverage("zip", 0, 0)], 2, []);
        var none = new ContentCoverage([new ScannerCoverage("pickle", 0, 0)], 1, ["README.md"]);

        Assert.Equal("content: pickle 2; every file scanned", TextReportWriter.ContentLine(all));
        Assert.Equal("content: no file in a format the scan reads; 1 file not scanned (README.md)", TextReportWriter.ContentLine(none));
        Assert.Null(TextReportWriter.ContentLine(new ContentCoverage([], 0, [])));
        Assert.Null(TextReportWriter.ContentLine(null));
    }

    [Fact]
    public void The_json_report_has_every_scanner_and_every_file_not_scanned()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings()).Report;
        using var buffer = new MemoryStream();

        JsonReportWriter.Write(report, buffer);

        using var document = JsonDocument.Parse(buffer.ToArray());
        var content = document.RootElement.GetProperty("content");
        Assert.Equal(7, content.GetProperty("filesOffered").GetInt32());
        Assert.Equal(["config.json", "empty", "tokenizer/merges.txt", "vocab.txt"], content.GetProperty("notScanned").EnumerateArray().Select(e => e.GetString()));
        var pickle = content.GetProperty("scanners").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "pickle");
        Assert.Equal(1, pickle.GetProperty("files").GetInt32());
        Assert.Equal(ModelFiles.TorchStateDict.Length, pickle.GetProperty("bytes").GetInt64());
        Assert.Equal(ContentInspectors.All.Count, content.GetProperty("scanners").GetArrayLength());
    }

    [Fact]
    public void No_content_scan_means_no_coverage_and_null_in_json()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings { ContentInspectors = [] }).Report;
        using var buffer = new MemoryStream();
        using var writer = new StringWriter();

        JsonReportWriter.Write(report, buffer);
        TextReportWriter.Write(report, writer);

        Assert.Null(report.Content);
        using var document = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("content").ValueKind);
        Assert.Single(writer.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Configurations_a_scanner_judges_are_claimed_by_it()
    {
        using var other = new TempDirectory();
        other.Write("m/resnet/config.pbtxt", "name: \"resnet\"\nplatform: \"onnxruntime_onnx\"\n");
        other.Write("m/serving.properties", "engine=Python\n");

        var coverage = ModelChecker.Check(other.Combine("m"), new CheckSettings()).Report.Content!;

        Assert.Equal(1, coverage.Scanners.Single(s => s.Name == "triton-config").Files);
        Assert.Equal(1, coverage.Scanners.Single(s => s.Name == "serving-properties").Files);
        Assert.Empty(coverage.NotScanned);
    }

    [Fact]
    public void Onnx_claims_every_onnx_file_it_judged_and_a_model_under_another_name()
    {
        using var other = new TempDirectory();
        File.WriteAllBytes(other.Write("m/model.onnx"), OnnxModels.Identity());
        File.WriteAllBytes(other.Write("m/broken.onnx"), OnnxModels.Identity()[..^3]);
        File.WriteAllBytes(other.Write("m/exported"), OnnxModels.Identity());
        other.Write("m/notes", "not a model");

        var report = ModelChecker.Check(other.Combine("m"), new CheckSettings()).Report;

        Assert.Contains(report.Diagnostics, d => d.Code == "MPK4020" && d.Path == "broken.onnx");
        Assert.Equal(3, report.Content!.Scanners.Single(s => s.Name == "onnx").Files);
        Assert.Equal(["notes"], report.Content.NotScanned);
    }

    [Fact]
    public void A_scan_that_does_not_say_it_claimed_its_file_leaves_it_not_scanned()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings { ContentInspectors = [new SilentInspector()] }).Report;

        Assert.Equal(0, report.Content!.Scanners.Single().Files);
        Assert.Equal(7, report.Content.NotScanned.Count);
    }

    [Fact]
    public void An_archive_and_packs_own_read_give_the_same_coverage()
    {
        var folder = ModelChecker.Check(this.Model, new CheckSettings()).Report.Content!;
        var archive = this.temp.Combine("m.tar.gz");
        var packed = ModelPacker.Pack(ModelChecker.CheckFolder(this.Model, new CheckSettings()), archive, new PackOptions());
        var read = ModelChecker.Check(archive, new CheckSettings()).Report.Content!;

        Assert.True(packed.Written);
        Assert.Equal(folder.NotScanned, packed.Check.Content!.NotScanned);
        Assert.Equal(folder.Scanners, packed.Check.Content.Scanners);
        Assert.Equal(folder.NotScanned, read.NotScanned);
        Assert.Equal(folder.Scanners, read.Scanners);
    }

    /// <summary>Reads every file and says nothing about claiming it (the interface's default).</summary>
    private sealed class SilentInspector : IContentInspector
    {
        public string Name => "silent";

        public IContentScan? Begin(ContentSubject subject) => new Scan();

        private sealed class Scan : IContentScan
        {
            public bool Append(ReadOnlySpan<byte> data) => true;

            public IEnumerable<ModelPackTools.Diagnostics.Diagnostic> Complete() => [];
        }
    }
}
