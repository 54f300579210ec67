using ModelPackTools.Extraction;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Profiles.ProfileChecks;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Profiles;

/// <summary>The huggingface (HF toolkit, TGI, LMI), xgboost and sklearn profiles.</summary>
public class HuggingFaceAndBuiltInProfileTests
{
    private static readonly string[] SavePretrained =
        ["config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors", "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json"];

    [Fact]
    public void A_save_pretrained_folder_is_a_clean_Hugging_Face_sample_and_is_inferred()
    {
        var report = Check(FrameworkProfiles.Auto, SavePretrained);

        Assert.Empty(report.Diagnostics);
        Assert.Equal(("huggingface", "inferred from config.json"), (report.Profile, report.ProfileReason));
    }

    [Fact]
    public void Config_json_alone_infers_nothing()
    {
        Assert.Equal("none", Check(FrameworkProfiles.Auto, "config.json", "weights.npy").Profile);
    }

    [Fact]
    public void An_LMI_serving_properties_is_inferred_and_needs_no_config_json()
    {
        var report = Check(FrameworkProfiles.Auto, "llama/serving.properties", "llama/model.safetensors");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(("huggingface", "inferred from llama/serving.properties"), (report.Profile, report.ProfileReason));
    }

    [Fact]
    public void Weights_without_config_json_are_a_warning_for_Hugging_Face()
    {
        var report = Check(FrameworkProfiles.HuggingFace, "model.safetensors", "tokenizer.json");

        Assert.Equal(["MPK7013"], report.Codes());
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void A_model_id_in_the_environment_needs_no_config_json()
    {
        Assert.Empty(Check(FrameworkProfiles.HuggingFace, Env("HF_MODEL_ID=gpt2"), "code/inference.py", "code/requirements.txt").Diagnostics);
    }

    [Fact]
    public void A_large_model_tar_gz_is_advised_to_become_an_uncompressed_prefix()
    {
        var entries = new[] { File("config.json"), File("model-00001-of-00002.safetensors", 6L << 30), File("model-00002-of-00002.safetensors", 5L << 30) };

        var report = Simulate(ExtractionMode.S3ObjectGzip, entries);

        Assert.Equal(["MPK7014"], report.Codes());
        Assert.Contains("11.0 GiB", report.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_large_model_as_a_prefix_is_clean()
    {
        var entries = new[] { File("config.json"), File("model-00001-of-00002.safetensors", 6L << 30), File("model-00002-of-00002.safetensors", 5L << 30) };

        Assert.Empty(Simulate(ExtractionMode.S3PrefixNone, entries).Diagnostics);
    }

    [Fact]
    public void A_model_just_under_the_threshold_is_clean()
    {
        Assert.Empty(Simulate(ExtractionMode.S3ObjectGzip, File("config.json"), File("model.safetensors", LargeCompressedModelRule.Threshold - 10)).Diagnostics);
    }

    [Fact]
    public void XGBoost_with_one_model_file_at_the_root_is_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.XGBoost, "xgboost-model").Diagnostics);
    }

    [Fact]
    public void XGBoost_with_a_stray_file_beside_the_model_is_a_warning_naming_both()
    {
        var report = Check(FrameworkProfiles.XGBoost, "xgboost-model", "metrics.json", "notes/readme.md");

        Assert.Equal(["MPK7016"], report.Codes());
        Assert.Contains("2 files at its root (metrics.json, xgboost-model)", report.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XGBoost_with_no_file_at_the_root_is_a_warning()
    {
        Assert.Equal(["MPK7016"], Check(FrameworkProfiles.XGBoost, "model/xgboost-model").Codes().Where(c => c.StartsWith("MPK7", StringComparison.Ordinal)));
    }

    [Fact]
    public void XGBoost_script_mode_reads_what_its_script_likes()
    {
        Assert.Empty(Check(FrameworkProfiles.XGBoost, Env("SAGEMAKER_PROGRAM=inference.py"), "xgboost-model", "metrics.json").Diagnostics);
    }

    [Fact]
    public void ScikitLearn_without_SAGEMAKER_PROGRAM_is_a_warning()
    {
        Assert.Equal(["MPK7017"], Check(FrameworkProfiles.ScikitLearn, Env("SAGEMAKER_REGION=us-east-1"), "model.joblib").Codes());
    }

    [Fact]
    public void ScikitLearn_sample_with_its_script_is_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.ScikitLearn, Env("SAGEMAKER_PROGRAM=inference.py", "SAGEMAKER_SUBMIT_DIRECTORY=/opt/ml/model/code"), "model.joblib", "code/inference.py").Diagnostics);
    }

    [Fact]
    public void ScikitLearn_with_an_unknown_environment_says_nothing_it_cannot_know()
    {
        Assert.Empty(Check(FrameworkProfiles.ScikitLearn, "model.joblib").Diagnostics);
    }

    private static ExtractionReport Simulate(ExtractionMode mode, params ModelEntry[] entries) =>
        ExtractionSimulator.Simulate(new ModelTree("input", SourceKind.Archive, entries, []) { IsGzipCompressed = true }, new SimulationOptions { Mode = mode, Profile = FrameworkProfiles.HuggingFace });
}
