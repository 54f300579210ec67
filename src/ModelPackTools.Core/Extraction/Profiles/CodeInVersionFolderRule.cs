using ModelPackTools.Diagnostics;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>TensorFlow Serving: code/ belongs at the root, not inside a model version folder (MPK7006).</summary>
internal sealed class CodeInVersionFolderRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        foreach (var node in tree.AllNodes())
        {
            if (node.IsDirectory && node.Name == "code" && node.Parent is { } version && TensorFlowLayout.IsVersionFolder(version))
            {
                context.Diagnostics.Add(DiagnosticCatalog.CodeInsideVersionFolder, node.Path, node.Path);
            }
        }
    }
}
