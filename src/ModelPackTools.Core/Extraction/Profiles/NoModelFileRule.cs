using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Every profile: files, but all of them the handler's under code/ and none of them weights (MPK7015). Right when the
/// environment names a Hub model (HF_MODEL_ID), so it stays quiet then; weights under code/ are a model in the wrong
/// place (MPK7003 for PyTorch, and a model_fn may load them from there); an empty tree is the generic rules' finding.
/// </summary>
internal sealed class NoModelFileRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (OnlyHandlerCode(tree) && !context.NamesHubModel())
        {
            context.Diagnostics.Add(DiagnosticCatalog.NoModelFile, null);
        }
    }

    /// <summary>True when the tree has files, every one of them under code/ and none of them weights.</summary>
    public static bool OnlyHandlerCode(VirtualFileSystem tree)
    {
        var files = tree.AllNodes().Where(n => n.IsFile).ToList();
        return files.Count > 0 && files.All(n => n.Path.StartsWith("code/", StringComparison.Ordinal) && !WeightFiles.IsWeights(n.Name));
    }
}
