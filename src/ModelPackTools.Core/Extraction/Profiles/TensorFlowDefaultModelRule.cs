using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// TensorFlow Serving: the default model for requests that name none (aws/sagemaker-tensorflow-serving-container
/// serve.py, _create_tfs_config). A SAGEMAKER_TFS_DEFAULT_MODEL_NAME must be one of the models (MPK7012); without it,
/// several models leave the default to an unsorted directory search (MPK7011).
/// </summary>
internal sealed class TensorFlowDefaultModelRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.IsMultiModel())
        {
            return;
        }

        var models = TensorFlowLayout.ModelNames(tree);
        if (context.Value("SAGEMAKER_TFS_DEFAULT_MODEL_NAME") is { } name)
        {
            if (models.Count > 0 && !models.Contains(name))
            {
                context.Diagnostics.Add(DiagnosticCatalog.TensorFlowDefaultModelMissing, null, name);
            }
        }
        else if (models.Count > 1)
        {
            context.Diagnostics.Add(DiagnosticCatalog.TensorFlowSeveralModels, null, models.Count, string.Join(", ", models));
        }
    }
}
