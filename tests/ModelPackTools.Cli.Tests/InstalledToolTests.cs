using System.Formats.Tar;

namespace ModelPackTools.Cli.Tests;

/// <summary>The packed tool, installed as users install it, on the sample model and a broken archive.</summary>
public sealed class InstalledToolTests(InstalledToolFixture tool) : IClassFixture<InstalledToolFixture>
{
    [Fact]
    public void Installed_tool_checks_the_sample_model_clean()
    {
        var (exitCode, output, error) = tool.Invoke("check", RepositoryPaths.SampleModel);

        Assert.True(exitCode == 0, error);
        Assert.Contains("deployable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_tool_reports_a_broken_archive_with_exit_code_1()
    {
        var directory = Directory.CreateTempSubdirectory("modelpack-e2e-").FullName;
        try
        {
            var archive = TestArchives.Write(directory, "model.tar.gz", ("weights", TarEntryType.RegularFile, null), ("weights/part1", TarEntryType.RegularFile, null));

            var (exitCode, output, _) = tool.Invoke("check", archive, "--format", "sarif");

            Assert.Equal(1, exitCode);
            Assert.Contains("\"ruleId\": \"MPK1005\"", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Installed_tool_prints_help_with_every_command()
    {
        var (exitCode, output, _) = tool.Invoke("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("check", output, StringComparison.Ordinal);
        Assert.Contains("explain", output, StringComparison.Ordinal);
        Assert.Contains("build", output, StringComparison.Ordinal);
        Assert.Contains("request", output, StringComparison.Ordinal);
        Assert.Contains("init", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_tool_builds_the_sample_with_its_embedded_shapes_and_schema()
    {
        var directory = Directory.CreateTempSubdirectory("modelpack-e2e-build-").FullName;
        try
        {
            var spec = Path.Combine(RepositoryPaths.Root, "templates", "modelpack", "modelpack.json");

            var (exitCode, output, error) = tool.Invoke("build", "--spec", spec, "-o", Path.Combine(directory, "out"));
            var init = tool.Invoke("init", RepositoryPaths.SampleModel, "-o", Path.Combine(directory, "modelpack.json"));

            Assert.True(exitCode == 0, error + output);
            Assert.True(File.Exists(Path.Combine(directory, "out", "create-model-package.json")));
            Assert.Equal(0, init.ExitCode);
            Assert.True(File.Exists(Path.Combine(directory, "modelpack.schema.json")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Killed_layout_and_pack_leave_nothing_under_the_final_name()
    {
        var directory = Directory.CreateTempSubdirectory("modelpack-kill-").FullName;
        try
        {
            var model = Path.Combine(directory, "model");
            Directory.CreateDirectory(model);
            var chunk = new byte[256 * 1024];
            new Random(1).NextBytes(chunk);
            for (var i = 0; i < 600; i++)
            {
                File.WriteAllBytes(Path.Combine(model, $"shard-{i:D4}.bin"), chunk);
            }

            var layout = Path.Combine(directory, "prefix");
            var archive = Path.Combine(directory, "model.tar.gz");
            Assert.True(tool.KillWhileStaging(directory, ".prefix.*.partial", "layout", model, "-o", layout, "--copy"), "layout finished before it could be killed");
            Assert.True(tool.KillWhileStaging(directory, ".model.tar.gz.*.partial", "pack", model, "-o", archive, "--level", "9"), "pack finished before it could be killed");

            Assert.False(Directory.Exists(layout));
            Assert.False(File.Exists(archive));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
