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
    public void Init_does_not_overwrite_a_spec_without_force()
    {
        var spec = Path.Combine(this.directory, "modelpack.json");
        File.WriteAllText(spec, "{}");

        Assert.Equal(2, CommandRunner.Run("init", RepositoryPaths.SampleModel, "-o", spec).ExitCode);
        Assert.Equal("{}", File.ReadAllText(spec));
        Assert.Equal(0, CommandRunner.Run("init", RepositoryPaths.SampleModel, "-o", spec, "--force").ExitCode);
    }
}
