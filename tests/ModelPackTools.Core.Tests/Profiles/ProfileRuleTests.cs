using ModelPackTools.Extraction;
using ModelPackTools.Extraction.Profiles;
using static ModelPackTools.Core.Tests.Profiles.ProfileChecks;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Profiles;

/// <summary>Framework profile rules (MPK7xxx), each with a tree that breaks it and a clean sample that does not.</summary>
public class ProfileRuleTests
{
    [Fact]
    public void Triton_config_at_the_root_is_an_error()
    {
        var report = Check(FrameworkProfiles.Triton, "config.pbtxt", "1/model.onnx");

        Assert.Equal(["MPK7001"], report.ErrorCodes());
    }

    [Fact]
    public void Triton_model_repository_is_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.Triton, "resnet/config.pbtxt", "resnet/1/model.onnx").Diagnostics);
    }

    [Fact]
    public void SavedModel_outside_a_numeric_folder_is_a_warning()
    {
        var report = Check(FrameworkProfiles.TensorFlowServing, "saved_model.pb", "variables/variables.index");

        Assert.Equal(["MPK7002"], report.Codes());
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void SavedModel_in_a_version_folder_is_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.TensorFlowServing, "half_plus_three/00000123/saved_model.pb", "half_plus_three/00000123/variables/variables.index", "code/inference.py").Diagnostics);
    }

    [Fact]
    public void Weights_under_code_are_a_warning_for_pytorch()
    {
        var report = Check(FrameworkProfiles.PyTorch, "code/model.pth", "code/inference.py");

        Assert.Equal(["MPK7003"], report.Codes());
        Assert.Equal("code/model.pth", report.Diagnostics[0].Path);
    }

    [Fact]
    public void PyTorch_sample_is_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.PyTorch, "model.pth", "code/inference.py", "code/requirements.txt").Diagnostics);
    }

    [Fact]
    public void Profile_none_adds_no_rule()
    {
        Assert.Empty(Check(FrameworkProfiles.None, "config.pbtxt", "model/saved_model.pb", "code/model.pth").Diagnostics);
    }

    [Fact]
    public void Triton_model_without_a_version_folder_is_a_warning()
    {
        Assert.Equal(["MPK7005"], Check(FrameworkProfiles.Triton, "resnet/config.pbtxt", "resnet/model.onnx").Codes());
    }

    [Fact]
    public void Code_inside_a_version_folder_is_a_warning()
    {
        var report = Check(FrameworkProfiles.TensorFlowServing, "m/1/saved_model.pb", "m/1/code/inference.py", "m/1/variables/variables.index");

        Assert.Equal(["MPK7006"], report.Codes());
        Assert.Equal("m/1/code", report.Diagnostics[0].Path);
    }

    [Fact]
    public void A_root_version_folder_is_accepted_as_the_container_does()
    {
        Assert.Empty(Check(FrameworkProfiles.TensorFlowServing, "1/saved_model.pb", "1/variables/variables.index").Diagnostics);
    }

    [Fact]
    public void Hugging_Face_cache_layout_is_reported_whatever_the_profile()
    {
        var report = Check(FrameworkProfiles.None, "hub/models--gpt2/blobs/abc", "hub/models--gpt2/snapshots/r1/config.json", "hub/models--gpt2/refs/main", "other.txt");

        Assert.Equal(["MPK7004"], report.Codes());
        Assert.Equal("hub/models--gpt2", report.Diagnostics[0].Path);
    }

    [Fact]
    public void A_snapshots_folder_without_blobs_is_no_cache()
    {
        Assert.Empty(Check(FrameworkProfiles.None, "snapshots/1/config.json", "model.safetensors").Diagnostics);
    }

    [Theory]
    [InlineData("tfs-test-model/00000123/saved_model.pb", "tfs-test-model/00000123/variables/variables.data-00000-of-00001")]
    [InlineData("resnet/config.pbtxt", "resnet/1/model.onnx")]
    [InlineData("llama/serving.properties", "llama/model.safetensors")]
    [InlineData("code/inference.py", "code/requirements.txt")]
    public void Layouts_a_container_accepts_do_not_get_MPK3004(string first, string second)
    {
        var report = Check(FrameworkProfiles.None, first, second);

        Assert.DoesNotContain("MPK3004", report.Codes());
        Assert.NotNull(report.AcceptedWrapper);
    }

    [Fact]
    public void The_report_says_what_the_wrapper_folder_is_read_as()
    {
        Assert.Equal(
            "a TensorFlow Serving model (tfs-test-model/<version>/saved_model.pb)",
            Check(FrameworkProfiles.Auto, "tfs-test-model/00000123/saved_model.pb", "tfs-test-model/00000123/variables/variables.index").AcceptedWrapper);
        Assert.Equal("an LMI/DJL model (llama/serving.properties)", Check(FrameworkProfiles.Auto, "llama/serving.properties", "llama/config.json").AcceptedWrapper);
        Assert.Null(Check(FrameworkProfiles.None, "model/model.pth", "model/code/inference.py").AcceptedWrapper);
        Assert.Null(Check(FrameworkProfiles.None, "model.pth", "code/inference.py").AcceptedWrapper);
    }

    [Fact]
    public void A_plain_wrapper_folder_still_gets_MPK3004()
    {
        Assert.Equal(["MPK3004"], Check(FrameworkProfiles.None, "model/model.pth", "model/code/inference.py").Codes());
    }

    [Fact]
    public void Every_profile_has_a_unique_name_the_option_finds()
    {
        Assert.Equal(FrameworkProfiles.All.Count, FrameworkProfiles.All.Select(p => p.Name).Distinct().Count());
        Assert.Same(FrameworkProfiles.TensorFlowServing, FrameworkProfiles.Find("TensorFlow-Serving"));
    }

    [Fact]
    public void Auto_infers_triton_from_a_config_pbtxt_and_says_so()
    {
        var report = Check(FrameworkProfiles.Auto, "config.pbtxt", "1/model.onnx");

        Assert.Equal(["MPK7001"], report.ErrorCodes());
        Assert.Equal("triton", report.Profile);
        Assert.Equal("inferred from config.pbtxt", report.ProfileReason);
        Assert.Equal("inferred from resnet/config.pbtxt", Check(FrameworkProfiles.Auto, "resnet/config.pbtxt", "resnet/1/model.onnx").ProfileReason);
    }

    [Fact]
    public void Auto_infers_tensorflow_serving_from_a_saved_model()
    {
        var report = Check(FrameworkProfiles.Auto, "export/saved_model.pb", "export/variables/variables.index");

        Assert.Equal("tensorflow-serving", report.Profile);
        Assert.Contains("MPK7002", report.Codes());
    }

    [Fact]
    public void Auto_never_guesses_pytorch_from_weights()
    {
        var report = Check(FrameworkProfiles.Auto, "code/model.pth", "code/inference.py");

        Assert.Equal("none", report.Profile);
        Assert.Null(report.ProfileReason);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void A_chosen_profile_is_reported_as_chosen()
    {
        var report = Check(FrameworkProfiles.PyTorch, "model.pth", "code/inference.py");

        Assert.Equal(("pytorch", "chosen"), (report.Profile, report.ProfileReason));
    }

    [Theory]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker", "pytorch")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.16-cpu", "tensorflow-serving")]
    [InlineData("785573368785.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:24.09-py3", "triton")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1-transformers4.37-gpu-py310", "huggingface")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4-tgi3.0-gpu-py311-cu124-ubuntu22.04", "huggingface")]
    [InlineData("763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.31.0-lmi13.0.0-cu124", "huggingface")]
    [InlineData("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", "xgboost")]
    [InlineData("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3", "sklearn")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-server@sha256:abcd", null)]
    [InlineData(null, null)]
    public void An_image_names_its_profile(string? image, string? profile)
    {
        Assert.Equal(profile, FrameworkProfiles.ForImage(image)?.Name);
    }
}
