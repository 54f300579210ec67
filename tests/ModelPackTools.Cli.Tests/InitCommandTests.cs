using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Tests;

public sealed class InitCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-init-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Init_writes_a_commented_spec_that_reads_cleanly_and_builds_the_sample()
    {
        var spec = Path.Combine(this.directory, "modelpack.json");

        var (exitCode, _, error) = CommandRunner.Run("init", RepositoryPaths.SampleModel, "-o", spec);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains("//", File.ReadAllText(spec), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(this.directory, "modelpack.schema.json")));
        var (read, diagnostics) = SpecReader.Read(spec);
        Assert.Empty(diagnostics);
        Assert.Equal("PYTORCH", read!.Framework);
        Assert.Equal("inference.py", read.Environment["SAGEMAKER_PROGRAM"]);
        Assert.Equal(Path.GetFullPath(RepositoryPaths.SampleModel), read.SourcePath);
        Assert.Equal(0, CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out")).ExitCode);
    }

    [Fact]
    public void Init_then_build_in_the_model_folder_packs_only_the_model_and_a_second_build_not_the_first()
    {
        var model = Path.Combine(this.directory, "model");
        CopyFolder(RepositoryPaths.SampleModel, model);
        var spec = Path.Combine(model, "modelpack.json");
        Assert.Equal(0, CommandRunner.Run("init", model, "-o", spec).ExitCode);

        var first = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(model, "out"));
        var second = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(model, "other"));

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var expected = new[] { "code/", "code/inference.py", "code/requirements.txt", "config.json", "model.safetensors" };
        Assert.Equal(expected, TarListing(Path.Combine(model, "out", "model.tar.gz")));
        Assert.Equal(expected, TarListing(Path.Combine(model, "other", "model.tar.gz")));
        Assert.Contains("2 paths left out: the spec and its schema (2)", first.Output, StringComparison.Ordinal);
        Assert.Contains("3 paths left out: the spec and its schema (2), an earlier build's output (1)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_with_the_old_layout_profile_key_is_told_its_new_name()
    {
        var spec = Path.Combine(this.directory, "modelpack.json");
        File.WriteAllText(spec, "{\"source\": \"" + RepositoryPaths.SampleModel + "\", \"layoutProfile\": \"copy\"}");

        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error MPK6002: unknown key 'layoutProfile'; it was renamed 'layoutMode'", output, StringComparison.Ordinal);
    }

    private static List<string> TarListing(string archive)
    {
        var start = new System.Diagnostics.ProcessStartInfo("tar") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-tzf");
        start.ArgumentList.Add(archive);
        using var process = System.Diagnostics.Process.Start(start)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return lines;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Init_does_not_overwrite_a_spec_without_force()
    {
        var spec = Path.Combine(this.directory, "modelpack.json");
        File.WriteAllText(spec, "{}");

        Assert.Equal(2, CommandRunner.Run("init", RepositoryPaths.SampleModel, "-o", spec).ExitCode);
        Assert.Equal("{}", File.ReadAllText(spec));
        Assert.Equal(0, CommandRunner.Run("init", RepositoryPaths.SampleModel, "-o", spec, "--force").ExitCode);
    }
}
