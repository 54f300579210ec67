using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>PyTorch: weights under code/ are not where the toolkit's default loader looks (MPK7003).</summary>
internal sealed class WeightsInCodeRule : ITreeRule
{
    private static readonly string[] WeightSuffixes = [".pt", ".pth", ".bin", ".safetensors", ".ckpt", ".onnx"];

    /// <summary>A file name in one of the common weight formats.</summary>
    public static bool IsWeights(string name) => WeightSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (!tree.Root.Children!.TryGetValue("code", out var code) || !code.IsDirectory)
        {
            return;
        }

        foreach (var node in tree.AllNodes())
        {
            if (node.IsFile && node.Path.StartsWith("code/", StringComparison.Ordinal) &&
                IsWeights(node.Name))
            {
                context.Diagnostics.Add(DiagnosticCatalog.WeightsInCode, node.Path, node.Path);
            }
        }
    }
}
