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
    public void Verify_refuses_a_manifest_with_a_clash_a_folder_marker_and_a_dot_dot_key_with_the_check_codes()
    {
        var manifest = Path.Combine(this.directory, "bad.csv");
        File.WriteAllText(manifest, """
            s3_uri,key,size,etag,part_size,part_count,crc64nvme,sha256
            s3://b/p/config.json,config.json,1,x,1,1,a,b
            s3://b/p/weights,weights,1,x,1,1,a,b
            s3://b/p/weights/part1,weights/part1,1,x,1,1,a,b
            s3://b/p/a/../b,a/../b,1,x,1,1,a,b
            s3://b/p/dir/,dir/,0,x,0,1,a,b
            """);

        var verify = CommandRunner.Run("verify", manifest, "--against", RepositoryPaths.SampleModel);
        var check = CommandRunner.Run("check", manifest);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("not verified", verify.Output, StringComparison.Ordinal);
        string[] codes = ["weights/part1: error MPK1005", "a/../b: error MPK1004", "dir/: error MPK1006"];
        Assert.All(codes, code => Assert.Contains(code, verify.Output, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.Contains(code, check.Output, StringComparison.Ordinal));
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
        Assert.StartsWith("modelpack: error MPK9002: ", error, StringComparison.Ordinal);
    }
}
