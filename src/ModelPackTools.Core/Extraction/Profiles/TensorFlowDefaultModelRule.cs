using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// TensorFlow Serving: the default model for requests that name none (aws/sagemaker-tensorflow-serving-container
/// serve.py, _create_tfs_config). A SAGEMAKER_TFS_DEFAULT_MODEL_NAME must be one of the models (MPK7012); without it,
/// several models leave the default to an unsorted directory search (MPK7011).
/// </summary>
internal sealed class TensorFlowDefaultModelRule() : DefaultModelRule(
    "SAGEMAKER_TFS_DEFAULT_MODEL_NAME", DiagnosticCatalog.TensorFlowDefaultModelMissing, DiagnosticCatalog.TensorFlowSeveralModels)
{
    protected override IReadOnlyList<string> Models(VirtualFileSystem tree) => TensorFlowLayout.ModelNames(tree);

    // No model at all is the SavedModel rules' finding.
    protected override bool Judges(IReadOnlyList<string> models) => models.Count > 0;
}
