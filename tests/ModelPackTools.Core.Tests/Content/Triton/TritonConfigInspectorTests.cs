using ModelPackTools.Content.Triton;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Content.Triton;

/// <summary>MPK7018: a Triton config.pbtxt whose model name is not its folder's; MPK7028: the backend's model file missing.</summary>
public sealed class TritonConfigInspectorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_name_that_is_not_the_folder_is_an_error_at_the_config()
    {
        var report = this.Check("name: \"resnet50\"\nbackend: \"onnxruntime\"\n");

        var finding = Assert.Single(report.Diagnostics, d => d.Code == "MPK7018");
        Assert.Equal("resnet/config.pbtxt", finding.Path);
        Assert.Contains("'resnet50'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: \"resnet\"\nbackend: \"onnxruntime\"\n")]
    [InlineData("backend: \"onnxruntime\"\ninput [\n  {\n    name: \"input__0\"\n    data_type: TYPE_FP32\n  }\n]\n")]
    [InlineData("# name: \"other\"\nplatform: \"onnxruntime_onnx\"\n")]
    [InlineData("output { name: \"probabilities\" dims: [ 1000 ] }\nname: 'resnet'  # the folder's\n")]
    public void The_folders_name_no_name_or_only_nested_names_are_clean(string config)
    {
        Assert.DoesNotContain(this.Check(config).Diagnostics, d => d.Code == "MPK7018");
    }

    [Fact]
    public void Only_the_top_level_name_counts()
    {
        Assert.Equal("m", TritonConfigInspector.ModelName("input [ { name: \"x\" } ]\nname: \"m\"\n"));
        Assert.Null(TritonConfigInspector.ModelName("input {\n name: \"x\"\n}\n"));
    }

    private ExtractionReport Check(string config)
    {
        this.temp.Write("model/resnet/config.pbtxt", config);
        this.temp.Write("model/resnet/1/model.onnx", "onnx");
        return ModelChecker.Check(this.temp.Combine("model"), SettingsParser.Parse(new SettingsText())).Report;
    }

    [Theory]
    [InlineData("platform: \"onnxruntime_onnx\"\n", "model.onnx")]
    [InlineData("backend: \"onnxruntime\"\n", "model.onnx/model.onnx")]
    [InlineData("platform: \"tensorrt_plan\"\n", "model.plan")]
    [InlineData("platform: \"pytorch_libtorch\"\n", "model.pt")]
    [InlineData("backend: \"pytorch\"\n", "model.pt")]
    [InlineData("platform: \"tensorflow_savedmodel\"\n", "model.savedmodel/saved_model.pb")]
    [InlineData("backend: \"python\"\n", "model.py")]
    [InlineData("backend: \"openvino\"\n", "model.xml")]
    [InlineData("backend: \"fil\"\nparameters [ { key: \"model_type\" value: { string_value: \"xgboost_json\" } } ]\n", "xgboost.json")]
    [InlineData("backend: \"python\"\ndefault_model_filename: \"serve.py\"\n", "serve.py")]
    public void The_file_the_backend_loads_in_the_latest_version_is_clean(string config, string file)
    {
        this.temp.Write("model/m/config.pbtxt", config);
        this.temp.Write("model/m/1/" + file, "bytes");

        Assert.DoesNotContain(this.CheckAt("model"), d => d.Code == "MPK7028");
    }

    [Theory]
    [InlineData("platform: \"onnxruntime_onnx\"\n", "model.onnx", "onnxruntime_onnx")]
    [InlineData("backend: \"pytorch\"\n", "model.pt", "pytorch")]
    [InlineData("backend: \"python\"\ndefault_model_filename: \"serve.py\"\n", "serve.py", "python")]
    [InlineData("backend: \"tensorflow\"\n", "model.savedmodel or model.graphdef", "tensorflow")]
    public void A_latest_version_without_the_backends_file_is_an_error_at_that_folder(string config, string expected, string backend)
    {
        this.temp.Write("model/m/config.pbtxt", config);
        this.temp.Write("model/m/1/resnet50.bin", "bytes");

        var finding = Assert.Single(this.CheckAt("model"), d => d.Code == "MPK7028");
        Assert.True(finding.IsError);
        Assert.Equal("m/1", finding.Path);
        Assert.Contains($"no {expected}, the file the {backend} backend", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_version_Triton_loads_by_default_is_judged()
    {
        this.temp.Write("model/m/config.pbtxt", "platform: \"onnxruntime_onnx\"\n");
        this.temp.Write("model/m/2/notes.txt", "old");
        this.temp.Write("model/m/10/model.onnx", "onnx");
        this.temp.Write("model/m/011/other.txt", "ignored: starts with 0");

        Assert.DoesNotContain(this.CheckAt("model"), d => d.Code == "MPK7028");
    }

    [Theory]
    [InlineData("platform: \"ensemble\"\n")]
    [InlineData("backend: \"my_custom_backend\"\n")]
    [InlineData("name: \"m\"\n")]
    [InlineData("platform: \"onnxruntime_onnx\"\nversion_policy: { all { } }\n")]
    [InlineData("platform: \"tensorrt_plan\"\ncc_model_filenames [ { key: \"8.0\" value: \"a100.plan\" } ]\n")]
    [InlineData("input [ { name: \"x\" backend: \"python\" } ]\n")]
    public void A_configuration_that_does_not_say_what_file_is_loaded_is_not_judged(string config)
    {
        this.temp.Write("model/m/config.pbtxt", config);
        this.temp.Write("model/m/1/something.bin", "bytes");

        Assert.DoesNotContain(this.CheckAt("model"), d => d.Code == "MPK7028");
    }

    [Fact]
    public void Top_level_fields_are_read_as_strings_or_as_present()
    {
        const string Config = "platform: \"onnxruntime_onnx\"\nplatform_extra: \"x\"\nversion_policy: { latest { num_versions: 2 } }\n";

        Assert.Equal("onnxruntime_onnx", TritonConfigInspector.TopLevelString(Config, "platform"));
        Assert.True(TritonConfigInspector.HasTopLevelField(Config, "version_policy"));
        Assert.False(TritonConfigInspector.HasTopLevelField(Config, "version"));
        Assert.Null(TritonConfigInspector.TopLevelString(Config, "backend"));
    }

    private IReadOnlyList<ModelPackTools.Diagnostics.Diagnostic> CheckAt(string folder) =>
        ModelChecker.Check(this.temp.Combine(folder), SettingsParser.Parse(new SettingsText())).Report.Diagnostics;
}
