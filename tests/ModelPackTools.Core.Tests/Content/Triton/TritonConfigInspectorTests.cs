using ModelPackTools.Content.Triton;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Content.Triton;

/// <summary>MPK7018: a Triton config.pbtxt whose model name is not its folder's.</summary>
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
}
