using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// scikit-learn container: no default model_fn (aws/sagemaker-scikit-learn-container serving.py), so a known
/// environment without SAGEMAKER_PROGRAM cannot serve (MPK7017). The script usually comes from
/// SAGEMAKER_SUBMIT_DIRECTORY, not the artifact, so the tree itself cannot show it.
/// </summary>
internal sealed class ScikitLearnProgramRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.IsKnown() && context.Value("SAGEMAKER_PROGRAM") is null)
        {
            context.Diagnostics.Add(DiagnosticCatalog.ScikitLearnNoProgram, null);
        }
    }
}
