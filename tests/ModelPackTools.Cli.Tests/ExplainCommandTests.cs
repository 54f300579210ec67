using ModelPackTools.Diagnostics;

namespace ModelPackTools.Cli.Tests;

public class ExplainCommandTests
{
    [Fact]
    public void Explains_a_code_with_its_fix()
    {
        var (exitCode, output, _) = CommandRunner.Run("explain", "mpk1005");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("MPK1005: File and directory with the same name (error)", output, StringComparison.Ordinal);
        Assert.Contains("Fix:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_every_code_without_an_argument()
    {
        var (exitCode, output, _) = CommandRunner.Run("explain");

        Assert.Equal(0, exitCode);
        Assert.Equal(DiagnosticCatalog.All.Count, output.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public void Unknown_code_exits_2()
    {
        Assert.Equal(2, CommandRunner.Run("explain", "MPK0000").ExitCode);
    }

    [Fact]
    public void Every_code_is_unique_well_formed_and_explained()
    {
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Code).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.Matches("^MPK[0-9]{4}$", d.Code);
            Assert.Contains("Fix", d.Explanation, StringComparison.Ordinal);
        });
    }
}
