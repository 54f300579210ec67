using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>Triton: each model folder (one with config.pbtxt) needs a numeric version folder (MPK7005).</summary>
internal sealed class TritonVersionFolderRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        foreach (var model in tree.Root.Children!.Values.Where(c => c.IsDirectory))
        {
            if (ContainerMarkers.In(model, ContainerMarkers.TritonConfig) is not null &&
                !model.Children!.Values.Any(c => c.IsDirectory && c.Name.Length > 0 && c.Name.All(char.IsAsciiDigit)))
            {
                context.Diagnostics.Add(DiagnosticCatalog.TritonNoVersionFolder, model.Path, model.Name);
            }
        }
    }
}
