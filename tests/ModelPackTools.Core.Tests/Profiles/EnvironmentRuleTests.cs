using ModelPackTools.Extraction.Profiles;
using static ModelPackTools.Core.Tests.Profiles.ProfileChecks;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Profiles;

/// <summary>Rules that read the serving container's environment (the spec's `environment`), and inference from it.</summary>
public class EnvironmentRuleTests
{
    [Fact]
    public void Triton_default_model_that_is_no_folder_is_an_error()
    {
        var report = Check(FrameworkProfiles.Triton, Env("SAGEMAKER_TRITON_DEFAULT_MODEL_NAME=bert"), "resnet/config.pbtxt", "resnet/1/model.onnx");

        Assert.Equal(["MPK7007"], report.ErrorCodes());
        Assert.Contains("'bert'", report.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triton_default_model_that_is_a_folder_is_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.Triton, Env("SAGEMAKER_TRITON_DEFAULT_MODEL_NAME=bert"), "resnet/config.pbtxt", "resnet/1/model.onnx", "bert/config.pbtxt", "bert/1/model.pt").Diagnostics);
    }

    [Fact]
    public void Several_Triton_folders_without_a_default_are_a_warning_naming_them()
    {
        var report = Check(FrameworkProfiles.Triton, "resnet/config.pbtxt", "resnet/1/model.onnx", "bert/config.pbtxt", "bert/1/model.pt");

        Assert.Equal(["MPK7008"], report.Codes());
        Assert.False(report.HasErrors);
        Assert.Contains("2 top-level folders (bert, resnet)", report.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_Triton_folders_are_fine_on_a_multi_model_endpoint()
    {
        Assert.Empty(Check(FrameworkProfiles.Triton, Env("SAGEMAKER_MULTI_MODEL=true"), "resnet/config.pbtxt", "resnet/1/model.onnx", "bert/config.pbtxt", "bert/1/model.pt").Diagnostics);
    }

    [Fact]
    public void Several_TensorFlow_models_without_a_default_are_a_warning()
    {
        var report = Check(FrameworkProfiles.TensorFlowServing, "a/1/saved_model.pb", "b/2/saved_model.pb");

        Assert.Equal(["MPK7011"], report.Codes());
        Assert.Contains("(a, b)", report.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_TensorFlow_models_with_a_default_that_is_one_of_them_are_clean()
    {
        Assert.Empty(Check(FrameworkProfiles.TensorFlowServing, Env("SAGEMAKER_TFS_DEFAULT_MODEL_NAME=b"), "a/1/saved_model.pb", "b/2/saved_model.pb").Diagnostics);
    }

    [Fact]
    public void TensorFlow_default_model_that_is_not_there_is_an_error()
    {
        Assert.Equal(["MPK7012"], Check(FrameworkProfiles.TensorFlowServing, Env("SAGEMAKER_TFS_DEFAULT_MODEL_NAME=c"), "a/1/saved_model.pb").ErrorCodes());
    }

    [Fact]
    public void PyTorch_with_neither_model_pt_nor_a_handler_is_a_warning()
    {
        var report = Check(FrameworkProfiles.PyTorch, "weights.bin", "config.json");

        Assert.Equal(["MPK7009"], report.Codes());
        Assert.False(report.HasErrors);
    }

    [Theory]
    [InlineData("model.pt")]
    [InlineData("resnet18.pth")]
    public void PyTorch_default_loader_finds_model_pt_or_the_only_pt_file(string model)
    {
        Assert.Empty(Check(FrameworkProfiles.PyTorch, model, "labels.txt").Diagnostics);
    }

    [Fact]
    public void PyTorch_with_two_pt_files_and_no_handler_is_a_warning()
    {
        Assert.Equal(["MPK7009"], Check(FrameworkProfiles.PyTorch, "a.pt", "b.pth").Codes());
    }

    [Fact]
    public void SAGEMAKER_PROGRAM_that_is_missing_is_a_warning()
    {
        var report = Check(FrameworkProfiles.PyTorch, Env("SAGEMAKER_PROGRAM=serve.py"), "model.pt", "code/inference.py");

        Assert.Equal(["MPK7010"], report.Codes());
        Assert.Contains("code/serve.py", report.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SAGEMAKER_PROGRAM_that_is_there_is_clean_even_without_model_pt()
    {
        Assert.Empty(Check(FrameworkProfiles.PyTorch, Env("SAGEMAKER_PROGRAM=serve"), "weights/encoder.bin", "code/serve.py").Diagnostics);
    }

    [Theory]
    [InlineData("SAGEMAKER_TRITON_DEFAULT_MODEL_NAME=resnet", "triton")]
    [InlineData("SAGEMAKER_TFS_DEFAULT_MODEL_NAME=half_plus_three", "tensorflow-serving")]
    [InlineData("HF_MODEL_ID=meta-llama/Llama-3.1-8B-Instruct", "huggingface")]
    [InlineData("HF_TASK=text-classification", "huggingface")]
    public void Auto_infers_the_profile_from_a_variable_only_one_container_reads(string variable, string profile)
    {
        var report = Check(FrameworkProfiles.Auto, Env(variable), "code/inference.py");

        Assert.Equal(profile, report.Profile);
        Assert.Equal("inferred from the environment's " + variable.Split('=')[0], report.ProfileReason);
    }

    [Fact]
    public void Auto_ignores_an_empty_variable_as_the_start_scripts_do()
    {
        Assert.Equal("none", Check(FrameworkProfiles.Auto, Env("HF_MODEL_ID="), "model.bin").Profile);
    }

    [Fact]
    public void Code_only_archive_without_a_model_id_is_a_warning()
    {
        var report = Check(FrameworkProfiles.None, "code/inference.py", "code/requirements.txt");

        Assert.Equal(["MPK7015"], report.Codes());
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Code_only_archive_with_a_model_id_is_clean()
    {
        var report = Check(FrameworkProfiles.Auto, Env("HF_MODEL_ID=distilbert-base-uncased", "HF_TASK=fill-mask"), "code/inference.py", "code/requirements.txt");

        Assert.Empty(report.Diagnostics);
        Assert.Equal("huggingface", report.Profile);
    }

    [Fact]
    public void Weights_under_code_are_a_model_in_the_wrong_place_not_no_model()
    {
        Assert.Empty(Check(FrameworkProfiles.None, "code/model.pth", "code/inference.py").Diagnostics);
    }
}
