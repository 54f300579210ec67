using System.Text.RegularExpressions;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Cli.Tests;

/// <summary>The README is the user's reference: its diagnostics table must match the catalogue exactly.</summary>
public partial class ReadmeTests
{
    [Fact]
    public void Readme_lists_every_diagnostic_with_its_severity_and_title()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var table = readme[readme.IndexOf("<!-- diagnostics-table", StringComparison.Ordinal)..readme.IndexOf("<!-- end diagnostics-table", StringComparison.Ordinal)];
        var rows = TableRow().Matches(table).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Trim())).ToList();

        var expected = DiagnosticCatalog.All
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => (d.Code, d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.Title))
            .ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Readme_quick_start_commands_are_the_ones_ci_and_the_tests_use()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

        var firstCommand = "dotnet run --project src/ModelPackTools.Cli -- build --spec templates/modelpack/modelpack.json -o artifacts/sample";
        Assert.Contains(firstCommand, readme, StringComparison.Ordinal);
        Assert.True(readme.IndexOf(firstCommand, StringComparison.Ordinal) < readme.IndexOf("dotnet test ModelPackTools.sln", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "templates", "modelpack", "modelpack.json")));
        Assert.Contains("dotnet test ModelPackTools.sln", readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test ModelPackTools.sln", ci, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| (MPK\d{4}) \| (error|warning) \| (.+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
