using System.Security.Cryptography;

namespace ModelPackTools.Cli.Tests;

public sealed class LayoutAndManifestCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-layout-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Layout_then_manifest_of_the_sample_prints_the_manifest_etag()
    {
        var layout = Path.Combine(this.directory, "prefix");
        var manifest = Path.Combine(this.directory, "manifest.csv");

        var laid = CommandRunner.Run("layout", RepositoryPaths.SampleModel, "-o", layout);
        var listed = CommandRunner.Run("manifest", layout, "--s3-uri", "s3://bucket/models/sample/1/", "-o", manifest);

        Assert.Equal(0, laid.ExitCode);
        Assert.Contains("laid out 4 files", laid.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains($"ManifestEtag: {Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(manifest)))}", listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, CommandRunner.Run("check", manifest).ExitCode);
    }

    [Fact]
    public void Manifest_for_a_prefix_without_slash_exits_1_with_MPK1007()
    {
        var (exitCode, output, _) = CommandRunner.Run("manifest", RepositoryPaths.SampleModel, "--s3-uri", "s3://bucket/models/sample", "-o", Path.Combine(this.directory, "m.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error MPK1007", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_with_both_link_and_copy_is_a_usage_error()
    {
        Assert.Equal(2, CommandRunner.Run("layout", RepositoryPaths.SampleModel, "-o", Path.Combine(this.directory, "p"), "--link", "--copy").ExitCode);
    }

    [Fact]
    public void Layout_of_a_missing_folder_exits_2()
    {
        var (exitCode, _, error) = CommandRunner.Run("layout", Path.Combine(this.directory, "nope"), "-o", Path.Combine(this.directory, "p"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no such directory", error, StringComparison.Ordinal);
    }
}
