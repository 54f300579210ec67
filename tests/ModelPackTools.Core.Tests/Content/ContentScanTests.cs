using ModelPackTools.Content;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;
using ModelPackTools.Packing;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>
/// The shipped scanners wired into every check: on by default, pickle imports judged with their byte offsets,
/// safetensors headers validated, files detected by content rather than by name, and a content error refusing pack.
/// </summary>
public sealed class ContentScanTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Model => this.temp.Combine("m");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void Check_scans_by_default_and_names_the_import_and_its_offset()
    {
        this.File("model.pkl", ModelFiles.OsSystemGlobal);

        var check = ModelChecker.Check(this.Model, SettingsParser.Parse(new SettingsText()));

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal(("MPK4002", "model.pkl"), (finding.Code, finding.Path));
        Assert.Equal("pickle imports 'os.system' at byte 0: runs processes", finding.Message);
        Assert.True(check.HasErrors);
    }

    [Fact]
    public void No_scanners_means_no_content_findings()
    {
        this.File("model.pkl", ModelFiles.OsSystemGlobal);

        var check = ModelChecker.Check(this.Model, SettingsParser.Parse(new SettingsText { ContentScanners = "none" }));

        Assert.Empty(check.Report.Diagnostics);
    }

    [Fact]
    public void A_pickle_is_found_by_its_content_whatever_its_name()
    {
        this.File("weights/notes.txt", ModelFiles.StackGlobal("argparse", "Namespace"));
        this.File("config.json", ModelFiles.Latin1("{}"));

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal(("MPK4001", "weights/notes.txt"), (finding.Code, finding.Path));
        Assert.Equal("pickle imports 'argparse.Namespace' at byte 23, which is not on the allowlist", finding.Message);
    }

    [Fact]
    public void A_reviewed_import_is_accepted_and_only_that_one()
    {
        this.File("model.pkl", ModelFiles.StackGlobal("argparse", "Namespace"));
        this.File("other.pkl", ModelFiles.StackGlobal("argparse", "ArgumentParser"));

        var check = ModelChecker.Check(this.Model, SettingsParser.Parse(new SettingsText { AllowImports = ["argparse.Namespace"] }));

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal("other.pkl", finding.Path);
    }

    [Theory]
    [InlineData("argparse")]
    [InlineData("os.")]
    [InlineData("1os.system")]
    [InlineData("os system")]
    public void An_allowed_import_must_be_a_dotted_name(string name)
    {
        Assert.False(SettingsParser.TryParse(new SettingsText { AllowImports = [name] }, out _, out var problems));
        Assert.Equal((DiagnosticCatalog.InvalidOption.Code, SettingNames.AllowImports), (problems[0].Code, problems[0].Setting));
    }

    [Fact]
    public void A_torch_state_dict_and_ordinary_files_pass()
    {
        this.File("model.pt", ModelFiles.TorchStateDict);
        this.File("config.json", ModelFiles.Latin1("""{"architectures": ["Bert"]}"""));
        this.File("README.md", ModelFiles.Latin1("(c) the authors\nnot a pickle."));
        this.File("model.safetensors", ModelFiles.Safetensors("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8));

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        Assert.Empty(check.Report.Diagnostics);
    }

    [Fact]
    public void A_broken_pickle_fails_closed()
    {
        this.File("model.pt", [.. ModelFiles.TorchStateDict, (byte)'N']);

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal(("MPK4003", "pickle stream: data after STOP at byte 156"), (finding.Code, finding.Message));
    }

    [Fact]
    public void Dangerous_imports_before_garbage_are_reported_even_without_a_pickle_name()
    {
        this.File("data", [.. ModelFiles.OsSystemGlobal[..^1], 0xff]);

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        Assert.Equal(["MPK4002", "MPK4003"], check.Report.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Build_on_an_imported_class_is_refused_even_when_the_class_is_allowed()
    {
        // GLOBAL collections.OrderedDict, EMPTY_DICT, BUILD, STOP: the class itself gets new attributes.
        this.File("model.pkl", ModelFiles.Latin1("ccollections\nOrderedDict\n}b."));

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal(("MPK4006", "pickle BUILD at byte 26 sets the attributes of 'collections.OrderedDict' itself"), (finding.Code, finding.Message));
    }

    [Fact]
    public void Safetensors_with_overlapping_ranges_is_refused_under_any_name()
    {
        this.File("weights.bin", ModelFiles.Safetensors(
            """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12));

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal(("MPK4004", "safetensors: tensor 'b' overlaps the one before it"), (finding.Code, finding.Message));
    }

    [Fact]
    public void A_file_named_safetensors_that_is_not_one_is_refused()
    {
        this.File("model.safetensors", ModelFiles.Latin1("just text, no header"));

        var check = ModelChecker.Check(this.Model, new CheckSettings());

        Assert.Equal("MPK4004", Assert.Single(check.Report.Diagnostics).Code);
    }

    [Fact]
    public void Pack_refuses_a_model_with_a_content_error_and_writes_nothing()
    {
        this.File("model.pkl", ModelFiles.OsSystemGlobal);
        var archive = this.temp.Combine("model.tar.gz");

        var result = Writers.Pack(this.Model, archive, new PackOptions());

        Assert.False(result.Written);
        Assert.Equal("MPK4002", Assert.Single(result.Check.Diagnostics).Code);
        Assert.False(System.IO.File.Exists(archive));
    }

    [Fact]
    public void The_shipped_scanners_are_registered_by_name()
    {
        Assert.Equal(["pickle", "zip", "npy", "joblib", "torch-tar", "safetensors", "triton-config", "shard-index", "serving-properties", "tokenizer", "onnx"], ContentInspectors.All.Select(i => i.Name));
        Assert.Same(PickleInspector.Default, ContentInspectors.Find("PICKLE"));
    }

    private void File(string relative, byte[] bytes)
    {
        var full = this.temp.Combine("m/" + relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
    }
}
