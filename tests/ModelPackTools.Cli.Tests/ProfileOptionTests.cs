namespace ModelPackTools.Cli.Tests;

/// <summary>`--profile` on check, pack and layout: the profile's rules run, a bad name is a usage error.</summary>
public sealed class ProfileOptionTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-profile-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Check_with_triton_profile_reports_a_root_config_as_an_error()
    {
        var folder = this.Folder("config.pbtxt", "1/model.onnx");

        var (exitCode, output, _) = CommandRunner.Run("check", folder, "--profile", "triton");

        Assert.Equal(1, exitCode);
        Assert.Contains("config.pbtxt: error MPK7001:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_profile_none_runs_no_profile_rule()
    {
        var (exitCode, output, _) = CommandRunner.Run("check", this.Folder("config.pbtxt", "1/model.onnx"), "--profile", "none");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("MPK7001", output, StringComparison.Ordinal);
        Assert.DoesNotContain(", profile ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_infers_the_profile_by_default_and_says_which_and_why()
    {
        var (exitCode, output, _) = CommandRunner.Run("check", this.Folder("config.pbtxt", "1/model.onnx"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error MPK7001", output, StringComparison.Ordinal);
        Assert.Contains(", profile triton inferred from config.pbtxt): NOT deployable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_takes_the_profile_from_the_spec_image()
    {
        var folder = this.Folder("model.pth", "code/model.bin", "code/inference.py");
        File.WriteAllText(Path.Combine(folder, "modelpack.json"), """
            { "image": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker" }
            """);
        var spec = Path.Combine(folder, "modelpack.json");

        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out"), "--format", "json");
        var (_, overridden, _) = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out2"), "--format", "json", "--profile", "none");

        Assert.Equal(0, exitCode);
        Assert.Contains("MPK7003", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MPK7003", overridden, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_takes_the_profile_from_the_spec_key()
    {
        var folder = this.Folder("model.pth", "code/model.bin", "code/inference.py");
        var spec = Path.Combine(folder, "modelpack.json");
        File.WriteAllText(spec, """{ "profile": "pytorch" }""");

        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out"), "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("MPK7003", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_infers_the_profile_from_the_spec_environment_and_checks_against_it()
    {
        var folder = this.Folder("resnet/config.pbtxt", "resnet/1/model.onnx");
        var spec = Path.Combine(folder, "modelpack.json");
        File.WriteAllText(spec, """{ "environment": { "SAGEMAKER_TRITON_DEFAULT_MODEL_NAME": "bert" } }""");
        var output = Path.Combine(this.directory, "out");

        var (exitCode, report, _) = CommandRunner.Run("build", "--spec", spec, "-o", output);

        Assert.Equal(1, exitCode);
        Assert.Contains("profile triton inferred from the environment's SAGEMAKER_TRITON_DEFAULT_MODEL_NAME", report, StringComparison.Ordinal);
        Assert.Contains("error MPK7007", report, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "model.tar.gz")));
        Assert.Contains("\"profileReason\": \"inferred from the environment's SAGEMAKER_TRITON_DEFAULT_MODEL_NAME\"", File.ReadAllText(Path.Combine(output, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_refuses_a_folder_the_profile_finds_an_error_in()
    {
        var folder = this.Folder("config.pbtxt", "1/model.onnx");

        var (exitCode, output, _) = CommandRunner.Run("pack", folder, "-o", Path.Combine(this.directory, "model.tar.gz"), "--profile", "triton");

        Assert.Equal(1, exitCode);
        Assert.Contains("MPK7001", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(this.directory, "model.tar.gz")));
    }

    [Fact]
    public void Check_reads_the_container_environment_from_env_options()
    {
        var folder = this.Folder("resnet/config.pbtxt", "resnet/1/model.onnx");

        var (exitCode, output, _) = CommandRunner.Run("check", folder, "--env", "SAGEMAKER_TRITON_DEFAULT_MODEL_NAME=bert", "--env", "SAGEMAKER_PROGRAM=");
        var (fixedCode, fixedOutput, _) = CommandRunner.Run("check", folder, "--env", "SAGEMAKER_TRITON_DEFAULT_MODEL_NAME=resnet");

        Assert.Equal(1, exitCode);
        Assert.Contains("error MPK7007", output, StringComparison.Ordinal);
        Assert.Contains("profile triton inferred from the environment's SAGEMAKER_TRITON_DEFAULT_MODEL_NAME", output, StringComparison.Ordinal);
        Assert.Equal(0, fixedCode);
        Assert.DoesNotContain("MPK7007", fixedOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1ST=x")]
    [InlineData("NO_EQUALS_SIGN")]
    [InlineData("BAD-NAME=x")]
    public void A_malformed_env_option_is_a_usage_error_naming_it(string pair)
    {
        var (exitCode, output, error) = CommandRunner.Run("check", this.Folder("model.pth"), "--env", pair);

        Assert.Equal(2, exitCode);
        Assert.Contains("MPK9004", output + error, StringComparison.Ordinal);
        Assert.Contains($"'{pair}'", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_names_the_known_ones()
    {
        var (exitCode, output, error) = CommandRunner.Run("check", this.Folder("model.pth"), "--profile", "keras");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("tensorflow-serving", output + error, StringComparison.Ordinal);
    }

    private string Folder(params string[] files)
    {
        var root = Path.Combine(this.directory, "model");
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (file.EndsWith(".onnx", StringComparison.Ordinal))
            {
                File.WriteAllBytes(path, OnnxModels.Identity()); // the content scan reads every .onnx as a model
            }
            else
            {
                File.WriteAllText(path, "data");
            }
        }

        return root;
    }
}
