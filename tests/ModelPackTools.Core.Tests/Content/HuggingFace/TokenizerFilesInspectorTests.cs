using ModelPackTools.Content.HuggingFace;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Options;

namespace ModelPackTools.Core.Tests.Content.HuggingFace;

/// <summary>MPK7027: a text model's folder without tokenizer files, under the huggingface profile.</summary>
public sealed class TokenizerFilesInspectorTests : IDisposable
{
    private const string Llama = """{"architectures":["LlamaForCausalLM"],"model_type":"llama","vocab_size":32000}""";

    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_text_model_saved_without_its_tokenizer_is_a_warning_at_its_config()
    {
        this.temp.Write("m/config.json", Llama);
        this.temp.Write("m/model.safetensors.index.json", """{"weight_map":{}}""");

        var finding = Assert.Single(this.Check().Diagnostics, d => d.Code == "MPK7027");
        Assert.False(finding.IsError);
        Assert.Equal("config.json", finding.Path);
        Assert.Contains("architectures LlamaForCausalLM", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokenizer.json")]
    [InlineData("tokenizer_config.json")]
    [InlineData("tokenizer.model")]
    [InlineData("spiece.model")]
    [InlineData("vocab.txt")]
    [InlineData("vocab.json", "merges.txt")]
    public void Any_tokenizer_a_transformers_auto_class_loads_is_enough(params string[] files)
    {
        this.temp.Write("m/config.json", Llama);
        this.temp.Write("m/model.safetensors.index.json", """{"weight_map":{}}""");
        foreach (var file in files)
        {
            this.temp.Write("m/" + file, "tokenizer");
        }

        Assert.DoesNotContain("MPK7027", this.Codes());
    }

    [Fact]
    public void A_BPE_vocab_without_its_merges_is_no_tokenizer()
    {
        this.temp.Write("m/config.json", Llama);
        this.temp.Write("m/model.safetensors.index.json", """{"weight_map":{}}""");
        this.temp.Write("m/vocab.json", "{}");

        Assert.Contains("MPK7027", this.Codes());
    }

    [Fact]
    public void A_vision_model_with_a_preprocessor_config_needs_no_tokenizer()
    {
        this.temp.Write("m/config.json", """{"architectures":["ViTForImageClassification"],"model_type":"vit"}""");
        this.temp.Write("m/preprocessor_config.json", "{}");
        this.temp.Write("m/model.safetensors.index.json", """{"weight_map":{}}""");

        Assert.DoesNotContain("MPK7027", this.Codes());
    }

    [Fact]
    public void A_multimodal_text_head_with_a_processor_is_left_to_its_processor()
    {
        this.temp.Write("m/config.json", """{"architectures":["LlavaForConditionalGeneration"]}""");
        this.temp.Write("m/preprocessor_config.json", "{}");
        this.temp.Write("m/model.safetensors.index.json", """{"weight_map":{}}""");

        Assert.DoesNotContain("MPK7027", this.Codes());
    }

    [Fact]
    public void Another_profile_or_a_Hub_model_id_is_not_judged()
    {
        this.temp.Write("m/config.json", Llama);
        this.temp.Write("m/model.safetensors.index.json", """{"weight_map":{}}""");

        Assert.DoesNotContain("MPK7027", this.Codes(profile: "pytorch"));
        Assert.DoesNotContain("MPK7027", this.Codes(environment: "HF_MODEL_ID=meta-llama/Llama-3.1-8B"));
    }

    [Fact]
    public void An_LMI_model_folder_is_judged_and_a_plain_subfolder_is_not()
    {
        this.temp.Write("m/llama/serving.properties", "engine=Python\n");
        this.temp.Write("m/llama/config.json", Llama);
        this.temp.Write("m/other/config.json", Llama);

        Assert.Equal(["llama/config.json"], this.Check().Diagnostics.Where(d => d.Code == "MPK7027").Select(d => d.Path));
    }

    [Theory]
    [InlineData("""{"architectures":["GPT2LMHeadModel"]}""", "architectures GPT2LMHeadModel")]
    [InlineData("""{"architectures":["BertForSequenceClassification"]}""", "architectures BertForSequenceClassification")]
    [InlineData("""{"model_type":"mistral"}""", "model_type mistral")]
    [InlineData("""{"architectures":["ResNetForImageClassification"],"model_type":"resnet"}""", null)]
    [InlineData("""{"model_type":"vit","vocab_size":3}""", null)]
    [InlineData("""{"architectures":[]}""", null)]
    [InlineData("[1]", null)]
    [InlineData("not json", null)]
    public void A_text_model_is_told_by_its_head_or_its_model_type(string config, string? reason)
    {
        Assert.Equal(reason, TokenizerFilesInspector.TextModelReason(System.Text.Encoding.UTF8.GetBytes(config)));
    }

    private string[] Codes(string profile = "huggingface", params string[] environment) =>
        [.. this.Check(profile, environment).Diagnostics.Select(d => d.Code)];

    private ExtractionReport Check(string profile = "huggingface", params string[] environment) =>
        ModelChecker.Check(this.temp.Combine("m"), SettingsParser.Parse(new SettingsText { Profile = profile, Environment = environment })).Report;
}
