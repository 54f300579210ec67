using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>TensorFlow Serving: every saved_model.pb must sit in an all-digits version folder (MPK7002).</summary>
internal sealed class SavedModelVersionRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        foreach (var node in tree.AllNodes())
        {
            if (node.Name == "saved_model.pb" && node.IsFile &&
                node.Parent is { } folder && !TensorFlowLayout.IsVersionFolder(folder))
            {
                context.Diagnostics.Add(DiagnosticCatalog.SavedModelOutsideVersionFolder, node.Path, node.Path);
            }
        }
    }
}
