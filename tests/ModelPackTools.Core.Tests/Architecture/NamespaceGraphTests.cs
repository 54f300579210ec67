using System.Text.RegularExpressions;

namespace ModelPackTools.Core.Tests.Architecture;

/// <summary>
/// The engine's namespaces form a one-way graph: each may use only those below it in <see cref="Layers"/>, so data
/// flows source → tree → rules → writers and nothing reaches back. The README's design section draws this order.
/// </summary>
public sealed partial class NamespaceGraphTests
{
    // Bottom first. A namespace may use any namespace listed before it, never one after it.
    private static readonly string[] Layers =
    [
        "Diagnostics", "IO", "Json", "S3", "Trees", "Content", "Hashing", "Selection", "Archives", "Sources",
        "Extraction", "Reporting", "Packing", "Layout", "Manifests", "Options", "Engine", "Spec", "Requests", "Build",
    ];

    [Fact]
    public void Core_namespaces_only_use_the_ones_below_them()
    {
        var backwards = new List<string>();
        foreach (var (file, own, used) in CoreFiles())
        {
            var level = Array.IndexOf(Layers, own);
            Assert.True(level >= 0, $"{file}: namespace {own} is not in the layer list; add it where it belongs");
            backwards.AddRange(used.Where(u => Array.IndexOf(Layers, u) > level).Select(u => $"{file}: {own} -> {u}"));
        }

        Assert.Empty(backwards);
    }

    [Fact]
    public void The_check_of_the_graph_sees_real_dependencies()
    {
        // Guards the test itself: the writers do depend on the check, and the engine on the sources.
        var edges = CoreFiles().SelectMany(f => f.Used.Select(u => (f.Own, u))).ToHashSet();
        Assert.Contains(("Packing", "Extraction"), edges);
        Assert.Contains(("Engine", "Sources"), edges);
        Assert.Contains(("Build", "Requests"), edges);
    }

    private static IEnumerable<(string File, string Own, string[] Used)> CoreFiles()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "ModelPackTools.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        var core = Path.Combine(root, "src", "ModelPackTools.Core");
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var own = NamespaceLine().Match(text).Groups[1].Value;
            var used = UsingLine().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(Qualified().Matches(text).Select(m => m.Groups[1].Value))
                .Where(u => u != own && Layers.Contains(u))
                .Distinct()
                .ToArray();
            yield return (Path.GetRelativePath(core, file), own, used);
        }
    }

    [GeneratedRegex(@"^namespace ModelPackTools\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using ModelPackTools\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"ModelPackTools\.(\w+)\.[A-Z]")]
    private static partial Regex Qualified();
}
