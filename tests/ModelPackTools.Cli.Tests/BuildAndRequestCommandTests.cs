using System.Security.Cryptography;
using System.Text.Json;

namespace ModelPackTools.Cli.Tests;

public sealed class BuildAndRequestCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-build-").FullName;

    private static string SampleSpec => Path.Combine(RepositoryPaths.Root, "templates", "modelpack", "modelpack.json");

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Build_of_the_sample_writes_a_valid_request_byte_identical_on_a_second_run()
    {
        var first = Path.Combine(this.directory, "first");
        var second = Path.Combine(this.directory, "second");

        var built = CommandRunner.Run("build", "--spec", SampleSpec, "-o", first);
        var again = CommandRunner.Run("build", "--spec", SampleSpec, "-o", second);

        Assert.Equal((0, string.Empty), (built.ExitCode, built.Error));
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("MPK", built.Output, StringComparison.Ordinal);
        var request = File.ReadAllBytes(Path.Combine(first, "create-model-package.json"));
        Assert.Equal(request, File.ReadAllBytes(Path.Combine(second, "create-model-package.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "model.tar.gz")), File.ReadAllBytes(Path.Combine(second, "model.tar.gz")));
        Assert.Empty(Requests.RequestValidator.Validate(request));

        using var json = JsonDocument.Parse(request);
        var container = json.RootElement.GetProperty("InferenceSpecification").GetProperty("Containers")[0];
        var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(Path.Combine(first, "model.tar.gz"))));
        Assert.Equal(md5, container.GetProperty("ModelDataETag").GetString());
        Assert.EndsWith(".tar.gz", container.GetProperty("ModelDataUrl").GetString(), StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(first, "report.json")));
        Assert.True(report.RootElement.GetProperty("deployable").GetBoolean());
        Assert.Equal(md5, report.RootElement.GetProperty("facts").GetProperty("ModelDataETag").GetString());
        Assert.Equal(0, report.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Request_from_build_facts_and_request_alone_give_the_build_request()
    {
        var output = Path.Combine(this.directory, "out");
        Assert.Equal(0, CommandRunner.Run("build", "--spec", SampleSpec, "-o", output).ExitCode);
        var fromFacts = Path.Combine(this.directory, "from-facts.json");
        var alone = Path.Combine(this.directory, "alone.json");

        var withFacts = CommandRunner.Run("request", "--spec", SampleSpec, "--facts", output, "-o", fromFacts);
        var withoutFacts = CommandRunner.Run("request", "--spec", SampleSpec, "-o", alone);

        Assert.Equal((0, string.Empty), (withFacts.ExitCode, withFacts.Error));
        Assert.Equal(0, withoutFacts.ExitCode);
        var expected = File.ReadAllBytes(Path.Combine(output, "create-model-package.json"));
        Assert.Equal(expected, File.ReadAllBytes(fromFacts));
        Assert.Equal(expected, File.ReadAllBytes(alone));
    }

    [Fact]
    public void Request_with_facts_for_another_destination_is_a_usage_error()
    {
        var output = Path.Combine(this.directory, "out");
        Assert.Equal(0, CommandRunner.Run("build", "--spec", SampleSpec, "-o", output).ExitCode);
        var other = this.WriteSpec(File.ReadAllText(SampleSpec).Replace("modelpack-sample/model.tar.gz", "other/model.tar.gz", StringComparison.Ordinal));

        var (exitCode, _, error) = CommandRunner.Run("request", "--spec", other, "--facts", output, "-o", Path.Combine(this.directory, "r.json"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("modelpack: error MPK9009: ", error, StringComparison.Ordinal);
        Assert.Contains("build again (--facts)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(this.directory, "r.json")));
    }

    [Fact]
    public void Request_with_facts_of_another_tool_build_is_refused()
    {
        var output = Path.Combine(this.directory, "out");
        Assert.Equal(0, CommandRunner.Run("build", "--spec", SampleSpec, "-o", output).ExitCode);
        var facts = Path.Combine(output, "facts.json");
        Assert.Contains("\"Runtime\": \"", File.ReadAllText(facts), StringComparison.Ordinal);
        File.WriteAllText(facts, File.ReadAllText(facts).Replace("\"Tool\": \"modelpack ", "\"Tool\": \"modelpack 0.0.1-other ", StringComparison.Ordinal));

        var (exitCode, _, error) = CommandRunner.Run("request", "--spec", SampleSpec, "--facts", output, "-o", Path.Combine(this.directory, "r.json"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("modelpack: error MPK9009: the facts were made by modelpack 0.0.1-other", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(this.directory, "r.json")));
    }

    [Fact]
    public void Broken_spec_exits_1_with_code_line_and_column()
    {
        var spec = this.WriteSpec("{\n  \"source\": \"" + RepositoryPaths.SampleModel + "\",\n  \"formt\": \"prefix\"\n}");

        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"{spec}(3,3): error MPK6002: unknown key 'formt'", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(this.directory, "out")));
    }

    [Fact]
    public void Request_that_breaks_the_api_constraints_exits_1_and_writes_nothing()
    {
        var spec = this.WriteSpec(File.ReadAllText(SampleSpec)
            .Replace("\"source\": \"model\"", "\"source\": \"" + RepositoryPaths.SampleModel + "\"", StringComparison.Ordinal)
            .Replace("ml.g5.xlarge", "ml.g5.xxlarge", StringComparison.Ordinal));
        var target = Path.Combine(this.directory, "r.json");

        var (exitCode, output, _) = CommandRunner.Run("request", "--spec", spec, "-o", target);

        Assert.Equal(1, exitCode);
        // The request member's finding points at the spec's list item that produced it.
        Assert.Contains($"{spec}(20,44): error MPK5006: 'ml.g5.xxlarge'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Prefix_build_of_the_sample_writes_layout_manifest_and_model_data_source()
    {
        var spec = this.WriteSpec(File.ReadAllText(SampleSpec)
            .Replace("\"source\": \"model\"", "\"source\": \"" + RepositoryPaths.SampleModel + "\"", StringComparison.Ordinal)
            .Replace("\"format\": \"tar.gz\"", "\"format\": \"prefix\"", StringComparison.Ordinal)
            .Replace("modelpack-sample/model.tar.gz", "modelpack-sample/", StringComparison.Ordinal));
        var output = Path.Combine(this.directory, "out");

        var (exitCode, text, _) = CommandRunner.Run("build", "--spec", spec, "-o", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning MPK5106", text, StringComparison.Ordinal);
        var manifestEtag = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(Path.Combine(output, "manifest.csv"))));
        using var request = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "create-model-package.json")));
        var source = request.RootElement.GetProperty("InferenceSpecification").GetProperty("Containers")[0].GetProperty("ModelDataSource").GetProperty("S3DataSource");
        Assert.Equal("s3://example-bucket/models/modelpack-sample/", source.GetProperty("S3Uri").GetString());
        Assert.Equal("S3Prefix", source.GetProperty("S3DataType").GetString());
        Assert.Equal("None", source.GetProperty("CompressionType").GetString());
        Assert.Equal(manifestEtag, source.GetProperty("ManifestEtag").GetString());
        Assert.Equal(4, Directory.GetFiles(Path.Combine(output, "model"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Request_for_a_spec_without_s3_uri_is_a_usage_error()
    {
        var spec = this.WriteSpec("{\"source\": \"" + RepositoryPaths.SampleModel + "\", \"modelPackageGroupName\": \"g\"}");

        var (exitCode, _, error) = CommandRunner.Run("request", "--spec", spec, "-o", Path.Combine(this.directory, "r.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("gives no s3Uri", error, StringComparison.Ordinal);
    }

    private string WriteSpec(string text)
    {
        var path = Path.Combine(this.directory, $"spec{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }
}
