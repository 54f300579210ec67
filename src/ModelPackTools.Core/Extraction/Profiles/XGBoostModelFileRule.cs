using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// XGBoost built-in container: its loader takes the regular files at the root of /opt/ml/model in unsorted
/// `os.listdir` order (aws/sagemaker-xgboost-container serve_utils.py, get_loaded_booster), so the model must be the
/// only one there (MPK7016), and there must be one.
/// </summary>
internal sealed class XGBoostModelFileRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        // A user script (script mode) brings its own model_fn and reads what it likes.
        if (context.Value("SAGEMAKER_PROGRAM") is not null)
        {
            return;
        }

        var files = tree.Root.Children!.Values.Where(n => n.IsFile).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        if (files.Count != 1)
        {
            context.Diagnostics.Add(DiagnosticCatalog.XGBoostRootFiles, null, files.Count, files.Count == 0 ? "none" : string.Join(", ", files));
        }
    }
}
