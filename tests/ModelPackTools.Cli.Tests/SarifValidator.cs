using System.Diagnostics;
using System.Text.Json;
using ModelPackTools.Tests.Shared;

namespace ModelPackTools.Cli.Tests;

/// <summary>
/// The SARIF reference validator (`sarif-multitool validate`, npm @microsoft/sarif-multitool, pinned by
/// sarif/package-lock.json). .ci/run installs it with `npm ci`; a test run without it installs it the same way.
/// </summary>
internal static class SarifValidator
{
    private static readonly Lazy<string> Tool = new(Install);

    /// <summary>The validator's error-level results for a SARIF file ("SARIF1004: ..."); empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string sarifFile)
    {
        var log = Path.Combine(Path.GetDirectoryName(sarifFile)!, $"validation-{Guid.NewGuid():N}.sarif");
        ProcessRunner.Run(Tool.Value, Path.GetDirectoryName(sarifFile)!, "validate", sarifFile, "--output", log, "--quiet");
        using var document = JsonDocument.Parse(File.ReadAllBytes(log));
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal("Sarif.Multitool", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        return run.TryGetProperty("results", out var results)
            ? [.. results.EnumerateArray()
                .Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error")
                .Select(r => $"{r.GetProperty("ruleId").GetString()}: {r.GetProperty("message")}")]
            : [];
    }

    private static string Install()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "ModelPackTools.Cli.Tests", "sarif");
        var tool = Path.Combine(directory, "node_modules", ".bin", "sarif-multitool");
        if (!File.Exists(tool))
        {
            ProcessRunner.Run("npm", directory, "ci", "--no-audit", "--no-fund");
        }

        return tool;
    }
}
