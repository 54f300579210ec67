using System.Text.RegularExpressions;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Cli.Tests;

/// <summary>Every exit-2 path prints one line with an MPK9xxx code from the catalogue, and `explain` knows every such code.</summary>
public sealed partial class FailureTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-failures-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    public static TheoryData<string, string[]> Failures => new()
    {
        { "MPK9002", ["check", "/no/such/model"] },
        { "MPK9004", ["check", "{model}", "--mode", "zip"] },
        { "MPK9004", ["check", "{model}", "--max-ratio", "0.5"] },
        { "MPK9004", ["check", "{model}", "--format", "xml"] },
        { "MPK9013", ["check"] },
        { "MPK9013", ["frobnicate"] },
        { "MPK9001", ["check", "{dir}/listing.json"] },
        { "MPK9004", ["pack", "{model}", "-o", "{dir}/m.tar.gz", "--level", "12"] },
        { "MPK9004", ["pack", "{model}", "-o", "{dir}/m.tar.gz", "--threads", "0"] },
        { "MPK9007", ["pack", "{dir}/copy", "-o", "{dir}/copy/m.tar.gz"] },
        { "MPK9006", ["pack", "{model}", "-o", "{dir}"] },
        { "MPK9002", ["etag", "{dir}/nope.bin"] },
        { "MPK9004", ["etag", "{dir}/listing.json", "--part-size", "1MiB"] },
        { "MPK9004", ["etag", "{dir}/listing.json", "--part-size", "8MiB", "--uploader", "dotnet"] },
        { "MPK9004", ["layout", "{model}", "-o", "{dir}/l", "--link", "--copy"] },
        { "MPK9004", ["manifest", "{model}", "--s3-uri", "https://b/p/", "-o", "{dir}/m.csv"] },
        { "MPK9002", ["init", "{dir}/no-such-folder"] },
        { "MPK9010", ["init", "{model}", "-o", "{dir}/listing.json"] },
        { "MPK9002", ["build", "--spec", "{dir}/no-such-spec.json"] },
        { "MPK9014", ["request", "--spec", "{dir}/spec.json", "-o", "{dir}/r.json"] },
        { "MPK9003", ["request", "--spec", "{dir}/spec-with-uri.json", "--facts", "{dir}/copy", "-o", "{dir}/r.json"] },
        { "MPK9004", ["explain", "MPK0000"] },
        { "MPK9004", ["upload", "{model}", "--s3-uri", "s3://b/p/", "--endpoint-url", "ftp://x"] },
        { "MPK9004", ["upload", "{model}", "--s3-uri", "s3://b/p/", "--checksum-algorithm", "md5"] },
        { "MPK9004", ["upload", "{model}", "--s3-uri", "s3://b/p/", "--concurrency", "0"] },
        { "MPK9002", ["verify", "{dir}/nope.csv", "--against", "{model}"] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Exit_2_prints_one_line_with_a_catalogued_failure_code(string code, string[] args)
    {
        Directory.CreateDirectory(Path.Combine(this.directory, "copy"));
        File.WriteAllText(Path.Combine(this.directory, "copy", "weights.bin"), "w");
        File.WriteAllText(Path.Combine(this.directory, "listing.json"), "{\"Contents\": [{\"Size\": 1}]}");
        File.WriteAllText(Path.Combine(this.directory, "spec.json"), "{\"source\": \"copy\"}");
        File.WriteAllText(Path.Combine(this.directory, "spec-with-uri.json"), "{\"source\": \"copy\", \"s3Uri\": \"s3://b/m.tar.gz\"}");
        var expanded = args.Select(a => a.Replace("{model}", RepositoryPaths.SampleModel, StringComparison.Ordinal).Replace("{dir}", this.directory, StringComparison.Ordinal)).ToArray();

        var (exitCode, _, error) = CommandRunner.Run(expanded);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        var match = FailureLine().Match(line);
        Assert.True(match.Success, line);
        Assert.Equal(code, match.Groups[1].Value);
        Assert.NotNull(DiagnosticCatalog.Find(code));
    }

    [Fact]
    public void Explain_knows_every_failure_code_in_the_catalogue()
    {
        var failures = DiagnosticCatalog.All.Where(d => d.Code.StartsWith("MPK9", StringComparison.Ordinal)).ToList();

        Assert.True(failures.Count >= 15);
        foreach (var failure in failures)
        {
            var (exitCode, output, _) = CommandRunner.Run("explain", failure.Code);
            Assert.Equal(0, exitCode);
            Assert.StartsWith($"{failure.Code}: {failure.Title} (error)", output, StringComparison.Ordinal);
            Assert.Contains("Fix:", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Engine_messages_name_no_command_line_flag_the_front_end_adds_its_own()
    {
        var (_, _, error) = CommandRunner.Run("pack", RepositoryPaths.SampleModel, "-o", Path.Combine(this.directory, "m.tar.gz"), "--part-size", "aws-cli");

        Assert.EndsWith("(--part-size)", error.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(1, CountOf("--", error));
    }

    private static int CountOf(string text, string within) => (within.Length - within.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;

    [GeneratedRegex(@"^modelpack: error (MPK9\d{3}): \S")]
    private static partial Regex FailureLine();
}
