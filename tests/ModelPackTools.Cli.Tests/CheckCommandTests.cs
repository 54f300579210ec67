using System.Formats.Tar;
using System.Text.Json;

namespace ModelPackTools.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-cli-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Clean_sample_model_exits_0_with_the_content_line_and_the_summary()
    {
        var (exitCode, output, error) = CommandRunner.Run("check", RepositoryPaths.SampleModel);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("content: safetensors 1; 3 files not scanned (code/inference.py, code/requirements.txt, config.json)", lines[0].TrimEnd('\r'));
        Assert.Contains("deployable; 4 files", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Archive_with_errors_exits_1_and_names_each_problem()
    {
        var archive = TestArchives.Write(this.directory, "bad.tar.gz",
            ("model.pth", TarEntryType.RegularFile, null),
            ("latest.pth", TarEntryType.SymbolicLink, "model.pth"),
            ("../evil.sh", TarEntryType.RegularFile, null));

        var (exitCode, output, _) = CommandRunner.Run("check", archive);

        Assert.Equal(1, exitCode);
        Assert.Contains("latest.pth: error MPK2003:", output, StringComparison.Ordinal);
        Assert.Contains("../evil.sh: error MPK2002:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var archive = TestArchives.Write(this.directory, "wrapped.tar.gz", ("model/", TarEntryType.Directory, null), ("model/model.pth", TarEntryType.RegularFile, null));

        var (exitCode, output, _) = CommandRunner.Run("check", archive);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning MPK3004", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_is_parseable_and_written_atomically_with_output()
    {
        var report = Path.Combine(this.directory, "report.json");

        var (exitCode, output, _) = CommandRunner.Run("check", RepositoryPaths.SampleModel, "--format", "json", "--output", report);

        Assert.Equal(0, exitCode);
        Assert.Empty(output);
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(document.RootElement.GetProperty("deployable").GetBoolean());
        Assert.Equal(4, document.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Single(Directory.GetFiles(this.directory)); // no staging file left behind
    }

    [Fact]
    public void Listing_is_checked_as_a_prefix()
    {
        var listing = Path.Combine(this.directory, "keys.txt");
        File.WriteAllText(listing, "models/m/weights\nmodels/m/weights/part1\nmodels/m/config.json\n");

        var (exitCode, output, _) = CommandRunner.Run("check", listing, "--s3-uri", "s3://bucket/models/m/");

        Assert.Equal(1, exitCode);
        Assert.Contains("weights/part1: error MPK1005", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MPK1007", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_without_trailing_slash_is_one_finding_saying_what_the_prefix_would_hold()
    {
        // SageMaker would read "models/m" + "/config.json" and models/m6/...; one finding says so, not one per key.
        var listing = Path.Combine(this.directory, "keys.txt");
        File.WriteAllText(listing, "models/m/config.json\nmodels/m/model.pth\nmodels/m6/x.bin\n");

        var (exitCode, output, _) = CommandRunner.Run("check", listing, "--s3-uri", "s3://bucket/models/m");

        Assert.Equal(1, exitCode);
        Assert.Contains("error MPK1007: S3 prefix 's3://bucket/models/m' does not end with '/': with one, s3://bucket/models/m/ would hold 2 files", output, StringComparison.Ordinal);
        Assert.Contains("'models/m6/x.bin'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MPK1001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MPK1011", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("error MPK", StringComparison.Ordinal));
    }

    [Fact]
    public void A_character_device_input_exits_2_at_once_with_a_coded_line()
    {
        var (exitCode, output, error) = CommandRunner.Run("check", "/dev/zero");

        Assert.Equal(2, exitCode);
        Assert.Contains("MPK9030", output + error, StringComparison.Ordinal);
        Assert.Contains("a character device", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_in_gzip_mode_is_a_usage_error()
    {
        var listing = Path.Combine(this.directory, "keys.txt");
        File.WriteAllText(listing, "a.bin\n");

        var (exitCode, _, error) = CommandRunner.Run("check", listing, "--mode", "s3object-gzip");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"^modelpack: error MPK9004: [^\n]*\(--mode\)\n$", error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "x", "--format", "xml")]
    [InlineData("check", "x", "--mode", "zip")]
    [InlineData("check", "x", "--bogus")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exitCode, _, error) = CommandRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Matches(@"^modelpack: error MPK90(04|13): [^\n]*\n$", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Missing_input_exits_2_with_one_line_naming_it()
    {
        var (exitCode, output, error) = CommandRunner.Run("check", "/no/such/model");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal("modelpack: error MPK9002: '/no/such/model': no such file or directory", error.TrimEnd());
    }

    [Fact]
    public void Ratio_limit_below_one_is_refused()
    {
        Assert.Equal(2, CommandRunner.Run("check", RepositoryPaths.SampleModel, "--max-ratio", "0.5").ExitCode);
    }

    [Fact]
    public void Help_explains_the_exit_codes_and_input_kinds()
    {
        var (exitCode, output, _) = CommandRunner.Run("check", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("1: errors found", output, StringComparison.Ordinal);
        Assert.Contains("list-objects-v2", output, StringComparison.Ordinal);
        Assert.Contains("--max-ratio", output, StringComparison.Ordinal);
    }
}
