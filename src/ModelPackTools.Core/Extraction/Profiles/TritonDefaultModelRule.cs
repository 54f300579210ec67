using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Triton: which model SageMaker's start script loads (triton-inference-server/server docker/sagemaker/serve). With
/// SAGEMAKER_TRITON_DEFAULT_MODEL_NAME it must be a top-level folder (MPK7007); without it there must be only one
/// top-level folder, of any kind, since the script counts them with `find -mindepth 1 -maxdepth 1 -type d` (MPK7008).
/// </summary>
internal sealed class TritonDefaultModelRule() : DefaultModelRule(
    "SAGEMAKER_TRITON_DEFAULT_MODEL_NAME", DiagnosticCatalog.TritonDefaultModelMissing, DiagnosticCatalog.TritonSeveralFolders)
{
    protected override IReadOnlyList<string> Models(VirtualFileSystem tree) =>
        [.. tree.Root.Children!.Values.Where(c => c.IsDirectory).Select(c => c.Name).Order(StringComparer.Ordinal)];
}
