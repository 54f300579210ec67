using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// What TensorFlow Serving calls a model version: a folder whose name is all digits holding saved_model.pb
/// (aws/sagemaker-tensorflow-serving-container docker/build_artifacts/sagemaker/tfs_utils.py, find_models, which
/// keeps a saved_model.pb only when its parent folder matches `^\d+$`; `/opt/ml/model/1/saved_model.pb` passes too).
/// </summary>
internal static class TensorFlowLayout
{
    public static bool IsVersionFolder(VirtualNode folder) =>
        folder.IsDirectory && folder.Name.Length > 0 && folder.Name.All(char.IsAsciiDigit) &&
        folder.Children!.TryGetValue("saved_model.pb", out var pb) && pb.IsFile;

    /// <summary>
    /// The model names the container serves, as find_models and serve.py name them: the folder above each version
    /// folder (`os.path.basename`), or "model" for version folders at the root (the model is /opt/ml/model itself).
    /// </summary>
    public static IReadOnlyList<string> ModelNames(VirtualFileSystem tree) =>
        [.. tree.AllNodes()
            .Where(n => IsVersionFolder(n) && n.Parent is not null)
            .Select(n => n.Parent!.Parent is null ? "model" : n.Parent.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
