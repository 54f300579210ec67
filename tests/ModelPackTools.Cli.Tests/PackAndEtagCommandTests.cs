using System.Security.Cryptography;
using System.Text.Json;

namespace ModelPackTools.Cli.Tests;

public sealed class PackAndEtagCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-pack-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Pack_writes_the_archive_and_prints_its_etag()
    {
        var archive = Path.Combine(this.directory, "model.tar.gz");

        var (exitCode, output, error) = CommandRunner.Run("pack", RepositoryPaths.SampleModel, "-o", archive);

        Assert.True(exitCode == 0, error);
        var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(archive)));
        Assert.Contains($"ETag \"{md5}\"", output, StringComparison.Ordinal);
        Assert.Contains("CRC64NVME", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_output_folders_are_created_for_every_writer()
    {
        var out1 = Path.Combine(this.directory, "a", "b", "model.tar.gz");
        var out2 = Path.Combine(this.directory, "c", "manifest.csv");
        var out3 = Path.Combine(this.directory, "d", "report.json");

        Assert.Equal(0, CommandRunner.Run("pack", RepositoryPaths.SampleModel, "-o", out1).ExitCode);
        Assert.Equal(0, CommandRunner.Run("manifest", RepositoryPaths.SampleModel, "--s3-uri", "s3://b/p/", "-o", out2).ExitCode);
        Assert.Equal(0, CommandRunner.Run("check", RepositoryPaths.SampleModel, "--format", "json", "-o", out3).ExitCode);

        Assert.True(File.Exists(out1) && File.Exists(out2) && File.Exists(out3));
    }

    [Fact]
    public void Packing_a_file_instead_of_a_folder_says_so()
    {
        var (exitCode, _, error) = CommandRunner.Run("pack", Path.Combine(RepositoryPaths.SampleModel, "config.json"), "-o", Path.Combine(this.directory, "x.tar.gz"));

        Assert.Equal(2, exitCode);
        Assert.Contains("is a file; give the model folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_json_reports_sizes_and_checksums_and_etag_agrees()
    {
        var archive = Path.Combine(this.directory, "model.tar.gz");

        var pack = CommandRunner.Run("pack", RepositoryPaths.SampleModel, "-o", archive, "--format", "json", "--checksums", "crc32c,sha256-hex");
        var etag = CommandRunner.Run("etag", archive, "--format", "json", "--checksums", "crc32c,sha256-hex");

        Assert.Equal(0, pack.ExitCode);
        using var packed = JsonDocument.Parse(pack.Output);
        using var hashed = JsonDocument.Parse(etag.Output);
        var fromPack = packed.RootElement;
        var fromEtag = hashed.RootElement[0];
        Assert.True(fromPack.GetProperty("packed").GetBoolean());
        Assert.Equal(new FileInfo(archive).Length, fromPack.GetProperty("size").GetInt64());
        Assert.Equal(fromEtag.GetProperty("etag").GetString(), fromPack.GetProperty("etag").GetString());
        Assert.Equal(
            fromEtag.GetProperty("checksums").GetProperty("sha256Hex").GetString(),
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(archive))));
        Assert.Equal(fromEtag.GetProperty("checksums").GetProperty("ChecksumCRC32C").GetString(), fromPack.GetProperty("checksums").GetProperty("ChecksumCRC32C").GetString());
    }

    [Fact]
    public void Source_date_epoch_changes_the_bytes_and_the_thread_count_does_not()
    {
        string Pack(string name, string threads)
        {
            var path = Path.Combine(this.directory, name);
            Assert.Equal(0, CommandRunner.Run("pack", RepositoryPaths.SampleModel, "-o", path, "--threads", threads).ExitCode);
            return Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));
        }

        var one = Pack("1.tar.gz", "1");
        var two = Pack("2.tar.gz", "2");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1700000000");
        try
        {
            Assert.NotEqual(one, Pack("3.tar.gz", "2"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null);
        }

        Assert.Equal(one, two);
    }

    [Fact]
    public void Pack_refuses_a_folder_with_errors_with_exit_1_and_writes_nothing()
    {
        var model = Path.Combine(this.directory, "model");
        Directory.CreateDirectory(model);
        File.WriteAllText(Path.Combine(model, "a.bin"), "x");
        File.CreateSymbolicLink(Path.Combine(model, "escape"), "/etc");

        var (exitCode, output, _) = CommandRunner.Run("pack", model, "-o", Path.Combine(this.directory, "model.tar.gz"));

        Assert.Equal(1, exitCode);
        Assert.Contains("escape: error MPK2016", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(this.directory, "model.tar.gz")));
    }

    [Theory]
    [InlineData("--part-size", "1MiB")]
    [InlineData("--part-size", "6GiB")]
    [InlineData("--part-size", "aws-cli")]
    [InlineData("--uploader", "s5cmd")]
    [InlineData("--checksums", "crc99")]
    public void Bad_part_sizes_and_checksums_exit_2_with_the_reason(string option, string value)
    {
        var file = Path.Combine(this.directory, "f.bin");
        File.WriteAllText(file, "x");

        var (exitCode, _, error) = CommandRunner.Run("etag", file, option, value);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("modelpack: error MPK9004: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Part_size_and_uploader_together_are_refused()
    {
        var file = Path.Combine(this.directory, "f.bin");
        File.WriteAllText(file, "x");

        Assert.Equal(2, CommandRunner.Run("etag", file, "--part-size", "8MiB", "--uploader", "dotnet").ExitCode);
    }

    [Fact]
    public void Etag_of_a_multipart_file_uses_the_chosen_part_size()
    {
        var file = Path.Combine(this.directory, "weights.bin");
        var data = new byte[(12 << 20) + 3];
        new Random(7).NextBytes(data);
        File.WriteAllBytes(file, data);
        var expected = Convert.ToHexStringLower(MD5.HashData([.. MD5.HashData(data.AsSpan(0, 5 << 20)), .. MD5.HashData(data.AsSpan(5 << 20, 5 << 20)), .. MD5.HashData(data.AsSpan(10 << 20))])) + "-3";

        var (exitCode, output, _) = CommandRunner.Run("etag", file, "--part-size", "5MiB", "--checksums", "none");

        Assert.Equal(0, exitCode);
        Assert.Contains($"ETag \"{expected}\"", output, StringComparison.Ordinal);
        Assert.Contains("12.0 MiB, ETag", output, StringComparison.Ordinal);
        Assert.Contains("3 parts of 5.0 MiB", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Etag_json_gives_a_single_put_no_parts_whatever_its_length(int length)
    {
        var file = Path.Combine(this.directory, $"{length}.bin");
        File.WriteAllBytes(file, new byte[length]);

        var (exitCode, output, _) = CommandRunner.Run("etag", file, "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var item = json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array ? json.RootElement[0] : json.RootElement;
        Assert.False(item.GetProperty("multipart").GetBoolean());
        Assert.Equal(0, item.GetProperty("partSize").GetInt64());
        Assert.Equal(0, item.GetProperty("partCount").GetInt32());
    }

    [Fact]
    public void Etag_of_a_missing_file_exits_2()
    {
        Assert.Equal(2, CommandRunner.Run("etag", Path.Combine(this.directory, "nope.bin")).ExitCode);
    }
}
