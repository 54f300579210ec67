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
    public void Check_without_a_profile_runs_no_profile_rule()
    {
        var (exitCode, output, _) = CommandRunner.Run("check", this.Folder("config.pbtxt", "1/model.onnx"));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("MPK7001", output, StringComparison.Ordinal);
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
            File.WriteAllText(path, "data");
        }

        return root;
    }
}
