using ModelPackTools.Extraction;
using ModelPackTools.Packing;
using ModelPackTools.Trees;

namespace ModelPackTools.Layout;

/// <summary>
/// The objects a checked folder becomes under an S3 prefix (CompressionType=None): one per file, links replaced by
/// what they point to, empty folders gone. `layout`, `manifest` and `upload` all take them from the same check, so
/// they can never disagree about which objects a model has.
/// </summary>
public static class PrefixObjects
{
    /// <returns>The files (relative path = key under the prefix); none when the check has errors.</returns>
    public static IReadOnlyList<PackEntry> Of(ModelCheck check)
    {
        CheckedFolder.RootOf(check, ExtractionMode.S3PrefixNone);
        return check.HasErrors ? [] : PackPlanner.Plan(check).Where(e => !e.IsDirectory).ToList();
    }
}
