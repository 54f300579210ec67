using System.Formats.Tar;
using System.Text.Json;

namespace ModelPackTools.Cli.Tests;

/// <summary>Spec findings point at their line and column in text, JSON and SARIF, and the SARIF passes the reference validator.</summary>
public sealed class LocatedDiagnosticsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-located-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    private string TypoSpec()
    {
        var spec = Path.Combine(this.directory, "modelpack.json");
        File.WriteAllText(spec, "{\n  \"source\": \"" + RepositoryPaths.SampleModel + "\",\n  \"description\": \"x\",\n\n\n\n  \"formt\": \"prefix\"\n}\n");
        return spec;
    }

    [Fact]
    public void A_typo_through_build_prints_the_canonical_file_line_column_format()
    {
        var spec = this.TypoSpec();

        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", spec, "-o", Path.Combine(this.directory, "out"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{spec}(7,3): error MPK6002: unknown key 'formt'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_location_is_in_the_json_output()
    {
        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", this.TypoSpec(), "--format", "json", "-o", Path.Combine(this.directory, "out"));

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(output);
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("MPK6002", diagnostic.GetProperty("code").GetString());
        Assert.Equal("$.formt", diagnostic.GetProperty("path").GetString());
        var location = diagnostic.GetProperty("location");
        Assert.Equal((7, 3), (location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void The_same_location_is_a_sarif_region_and_the_sarif_is_valid()
    {
        var sarif = Path.Combine(this.directory, "build.sarif");

        var (exitCode, output, _) = CommandRunner.Run("build", "--spec", this.TypoSpec(), "--format", "sarif", "-o", Path.Combine(this.directory, "out"));
        File.WriteAllText(sarif, output);

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(output);
        var region = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((7, 3), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        Assert.Empty(SarifValidator.Errors(sarif));
    }

    [Fact]
    public void Sarif_of_a_check_of_an_absolute_path_passes_the_validator()
    {
        var archive = TestArchives.Write(this.directory, "bad.tar.gz",
            ("model.pth", TarEntryType.RegularFile, null),
            ("latest.pth", TarEntryType.SymbolicLink, "model.pth"),
            ("../evil.sh", TarEntryType.RegularFile, null));
        var sarif = Path.Combine(this.directory, "check.sarif");

        var (exitCode, _, _) = CommandRunner.Run("check", Path.GetFullPath(archive), "--format", "sarif", "-o", sarif);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("file:///", File.ReadAllText(sarif).Split("\"uri\": \"")[1], StringComparison.Ordinal);
        Assert.Empty(SarifValidator.Errors(sarif));
    }

    [Fact]
    public void The_validator_does_find_a_relative_reference_beginning_with_a_slash()
    {
        // What the SARIF writer used to produce for an absolute input: proves the validator is really consulted.
        var sarif = Path.Combine(this.directory, "old.sarif");
        File.WriteAllText(sarif, """
            {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{
              "tool": {"driver": {"name": "modelpack", "rules": []}},
              "artifacts": [{"location": {"uri": "/tmp/model.tar.gz"}}],
              "results": []}]}
            """);

        Assert.Contains(SarifValidator.Errors(sarif), e => e.StartsWith("SARIF1004", StringComparison.Ordinal));
    }
}
