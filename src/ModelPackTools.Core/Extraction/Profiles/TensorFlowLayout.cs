using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// What TensorFlow Serving calls a model version: a folder whose name is all digits holding saved_model.pb
/// (aws/sagemaker-tensorflow-serving-container docker/build_artifacts/sagemaker/tfs_utils.py, find_models, which
/// keeps only saved_model.pb files whose parent folder name `isdigit()`).
/// </summary>
internal static class TensorFlowLayout
{
    public static bool IsVersionFolder(VirtualNode folder) =>
        folder.IsDirectory && folder.Name.Length > 0 && folder.Name.All(char.IsAsciiDigit) &&
        folder.Children!.TryGetValue("saved_model.pb", out var pb) && pb.Kind is EntryKind.File or EntryKind.HardLink;
}
