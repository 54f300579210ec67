using ModelPackTools.Diagnostics;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>Generic, for every profile: a Hugging Face Hub cache folder instead of a model folder (MPK7004).</summary>
internal sealed class HuggingFaceCacheRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        foreach (var node in tree.AllNodes())
        {
            if (node.IsDirectory && node.Children!.TryGetValue("snapshots", out var snapshots) && snapshots.IsDirectory &&
                node.Children.TryGetValue("blobs", out var blobs) && blobs.IsDirectory)
            {
                context.Diagnostics.Add(DiagnosticCatalog.HuggingFaceCacheLayout, node.Path.Length == 0 ? null : node.Path, node.Path.Length == 0 ? "." : node.Path);
            }
        }
    }
}
