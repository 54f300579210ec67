using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>With S3Prefix only objects exist, so an empty folder disappears (MPK3006).</summary>
internal sealed class EmptyDirectoryRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.Mode != ExtractionMode.S3PrefixNone || context.IsListing)
        {
            return; // a listing's "directories" are folder markers, which MPK1006 reports
        }

        foreach (var node in tree.AllNodes())
        {
            if (node.Children is { Count: 0 })
            {
                context.Diagnostics.Add(DiagnosticCatalog.EmptyDirectory, node.Path);
            }
        }
    }
}
