using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Content.HuggingFace;

/// <summary>MPK7022-MPK7026: an LMI / DJL Serving serving.properties, alone and against the files beside it.</summary>
public sealed class ServingPropertiesInspectorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Theory]
    [InlineData("engine=Python\noption.model_id=meta-llama/Llama-3.1-8B-Instruct\noption.rolling_batch=vllm\n")]
    [InlineData("engine=MPI\noption.model_id=s3://bucket/llama/\noption.tensor_parallel_degree=max\n")]
    [InlineData("option.model_id=/opt/ml/model/llama\n")]
    public void A_serving_properties_naming_its_model_is_clean(string properties)
    {
        this.temp.Write("m/serving.properties", properties);
        this.temp.Write("m/llama/config.json", "{}");

        Assert.Empty(this.Codes());
    }

    [Fact]
    public void A_serving_properties_beside_the_weights_needs_no_model_id()
    {
        this.temp.Write("m/llama/serving.properties", "engine=Python\noption.rolling_batch=vllm\n");
        this.temp.Write("m/llama/config.json", "{}");
        this.temp.Write("m/llama/model.safetensors", "weights");

        Assert.Empty(this.Codes());
    }

    [Theory]
    [InlineData("engine=Pyton\n", "'Pyton'", "(Python, MPI,")]
    [InlineData("engine=python\n", "'python'", "did you mean 'Python'")]
    [InlineData("engine=ONNX\n", "'ONNX'", "did you mean 'OnnxRuntime'")]
    [InlineData("engine=Python \n", "'Python '", "did you mean 'Python'")]
    public void An_engine_DJL_does_not_have_is_an_error_with_the_likely_name(string properties, string value, string hint)
    {
        this.temp.Write("m/serving.properties", properties + "option.model_id=gpt2\n");

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK7022");
        Assert.True(finding.IsError);
        Assert.Equal("serving.properties", finding.Path);
        Assert.Contains(value, finding.Message, StringComparison.Ordinal);
        Assert.Contains(hint, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_model_id_and_no_weights_beside_it_is_a_warning()
    {
        this.temp.Write("m/llama/serving.properties", "engine=Python\noption.rolling_batch=vllm\n");
        this.temp.Write("m/llama/README.md", "notes");

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK7023");
        Assert.False(finding.IsError);
        Assert.Equal("llama/serving.properties", finding.Path);
    }

    [Theory]
    [InlineData("HF_MODEL_ID=meta-llama/Llama-3.1-8B-Instruct")]
    [InlineData("OPTION_MODEL_ID=s3://bucket/llama/")]
    public void A_model_id_from_the_environment_answers_a_serving_properties_without_one(string variable)
    {
        this.temp.Write("m/serving.properties", "engine=Python\n");

        Assert.Empty(this.Codes(variable));
    }

    [Fact]
    public void A_model_id_under_opt_ml_model_the_artifact_lacks_is_an_error()
    {
        this.temp.Write("m/serving.properties", "engine=Python\noption.model_id=/opt/ml/model/Llama-3.1-8B\n");
        this.temp.Write("m/llama/config.json", "{}");

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK7024");
        Assert.True(finding.IsError);
        Assert.Contains("no 'Llama-3.1-8B'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_id_outside_opt_ml_model_is_not_judged()
    {
        this.temp.Write("m/serving.properties", "option.model_id=/tmp/llama\n");

        Assert.Empty(this.Codes());
    }

    [Fact]
    public void A_malformed_unicode_escape_is_an_error_and_nothing_else_of_the_file_is_judged()
    {
        this.temp.Write("m/serving.properties", "engine=Nope\nlone\noption.model_id=C:\\users\\me\\llama\n");

        var finding = Assert.Single(this.Check().Diagnostics);
        Assert.Equal("MPK7025", finding.Code);
        Assert.Contains("line 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_word_is_a_warning_at_its_line()
    {
        this.temp.Write("m/serving.properties", "engine=Python\n# the model\nmeta-llama/Llama-3.1-8B-Instruct\n");
        this.temp.Write("m/model.py", "def handle(inputs): pass");

        var finding = Assert.Single(this.Check().Diagnostics);
        Assert.Equal("MPK7026", finding.Code);
        Assert.Contains("line 3: 'meta-llama/Llama-3.1-8B-Instruct'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_serving_properties_two_folders_down_is_no_model_of_the_store()
    {
        this.temp.Write("m/a/b/serving.properties", "engine=Nope\n");
        this.temp.Write("m/model.pt", "weights");

        Assert.Empty(this.Codes());
    }

    private string[] Codes(params string[] environment) =>
        [.. this.Check(environment).Diagnostics.Where(d => d.Code is "MPK7022" or "MPK7023" or "MPK7024" or "MPK7025" or "MPK7026").Select(d => $"{d.Code} {d.Path}")];

    private ExtractionReport Check(params string[] environment) =>
        ModelChecker.Check(this.temp.Combine("m"), SettingsParser.Parse(new SettingsText { Environment = environment })).Report;
}
