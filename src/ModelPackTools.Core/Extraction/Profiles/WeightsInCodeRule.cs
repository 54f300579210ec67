using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>PyTorch: weights under code/ are not where the toolkit's default loader looks (MPK7003).</summary>
internal sealed class WeightsInCodeRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (!tree.Root.Children!.TryGetValue("code", out var code) || !code.IsDirectory)
        {
            return;
        }

        foreach (var node in tree.AllNodes())
        {
            if (node.IsFile && node.Path.StartsWith("code/", StringComparison.Ordinal) &&
                WeightFiles.IsWeights(node.Name))
            {
                context.Diagnostics.Add(DiagnosticCatalog.WeightsInCode, node.Path, node.Path);
            }
        }
    }
}
