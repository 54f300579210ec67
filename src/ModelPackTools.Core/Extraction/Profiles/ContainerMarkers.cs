using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// The files that say which container reads a folder as a model: Triton's config.pbtxt and LMI / DJL Serving's
/// serving.properties. Both containers serve /opt/ml/model as a store of models (Triton's model repository, DJL
/// Serving's model store), so the file counts at the root or in a top-level folder. Shared by profile inference, the
/// rules and the wrapper folders MPK3004 accepts, so that they cannot disagree about where a marker may be.
/// </summary>
internal static class ContainerMarkers
{
    public const string TritonConfig = "config.pbtxt";

    public const string ServingProperties = "serving.properties";

    /// <summary>The marker file directly inside the folder, or null.</summary>
    public static VirtualNode? In(VirtualNode folder, string marker) =>
        folder.Children!.TryGetValue(marker, out var node) && node.IsFile ? node : null;

    /// <summary>The marker at the root, else in the first top-level folder (ordinal order) that has one; null when none does.</summary>
    public static VirtualNode? AtRootOrOneDown(VirtualFileSystem tree, string marker) =>
        In(tree.Root, marker) ??
        tree.Root.Children!.Values
            .Where(c => c.IsDirectory)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => In(c, marker))
            .FirstOrDefault(n => n is not null);
}
