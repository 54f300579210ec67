using ModelPackTools.Extraction;
using ModelPackTools.Packing;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Layout;

/// <summary>
/// The objects a folder becomes under an S3 prefix (CompressionType=None), after the S3Prefix rules: one per file,
/// links replaced by what they point to, empty folders gone. `layout`, `manifest` and `upload` all start here, so
/// they can never disagree about which objects a model has.
/// </summary>
public static class PrefixObjects
{
    /// <returns>The check, and the files (relative path = key under the prefix) when the check has no errors.</returns>
    public static (ExtractionReport Check, IReadOnlyList<PackEntry> Files) Plan(string directory, string? s3Uri, Selection.PathSelection? selection = null)
    {
        var tree = (selection ?? Selection.PathSelection.Everything).Apply(DirectorySource.Read(directory));
        var (check, fileSystem) = ExtractionSimulator.Materialize(tree, new SimulationOptions { Mode = ExtractionMode.S3PrefixNone, S3Uri = s3Uri });
        return check.HasErrors ? (check, []) : (check, PackPlanner.Plan(tree, fileSystem).Where(e => !e.IsDirectory).ToList());
    }
}
