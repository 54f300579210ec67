using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Triton: which model SageMaker's start script loads (triton-inference-server/server docker/sagemaker/serve). With
/// SAGEMAKER_TRITON_DEFAULT_MODEL_NAME it must be a top-level folder (MPK7007); without it there must be only one
/// top-level folder, of any kind, since the script counts them with `find -mindepth 1 -maxdepth 1 -type d` (MPK7008).
/// </summary>
internal sealed class TritonDefaultModelRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.IsMultiModel())
        {
            return;
        }

        var folders = tree.Root.Children!.Values.Where(c => c.IsDirectory).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        if (context.Value("SAGEMAKER_TRITON_DEFAULT_MODEL_NAME") is { } name)
        {
            if (!folders.Contains(name))
            {
                context.Diagnostics.Add(DiagnosticCatalog.TritonDefaultModelMissing, null, name);
            }
        }
        else if (folders.Count > 1)
        {
            context.Diagnostics.Add(DiagnosticCatalog.TritonSeveralFolders, null, folders.Count, string.Join(", ", folders));
        }
    }
}
