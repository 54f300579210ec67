using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>Triton: /opt/ml/model is the model repository, so a config.pbtxt at its root is no model (MPK7001).</summary>
internal sealed class TritonRootConfigRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (ContainerMarkers.In(tree.Root, ContainerMarkers.TritonConfig) is { } node)
        {
            context.Diagnostics.Add(DiagnosticCatalog.TritonConfigAtRoot, node.Path);
        }
    }
}
