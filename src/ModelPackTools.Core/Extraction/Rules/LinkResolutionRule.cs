using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>
/// Resolves a folder's symbolic links physically once the whole tree is placed: links that leave the model, dangle or
/// loop are errors (MPK2016); links that stay inside are dereferenced by pack/layout and get a warning (MPK2017).
/// </summary>
internal sealed class LinkResolutionRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        foreach (var link in tree.SymbolicLinks)
        {
            if (link.Kind != EntryKind.SymbolicLink || !context.IsDirectory)
            {
                // Replaced by a later member; or in an archive or listing, where every link already has its one
                // finding (MPK2003: SageMaker cannot extract it), whatever it points to. Paths written through a
                // link that leaves the model still get MPK2016 from the materialiser: that is another cause.
                continue;
            }

            var resolved = VirtualFileSystem.Walk(link.Parent!, link.LinkTarget ?? string.Empty, followFinal: true);
            if (resolved.Status != ResolutionStatus.Found)
            {
                context.Diagnostics.Add(DiagnosticCatalog.LinkEscapes, link.Path, $"symbolic link to '{link.LinkTarget}' {resolved.Describe()}");
            }
            else if (context.IsDirectory && resolved.Node!.IsDirectory && IsAncestorOf(resolved.Node, link))
            {
                // Inside the tree, yet dereferencing it would copy the folder into itself forever.
                context.Diagnostics.Add(DiagnosticCatalog.LinkEscapes, link.Path, $"symbolic link to '{link.LinkTarget}' points to a folder that contains it (a loop when dereferenced)");
            }
            else if (context.IsDirectory)
            {
                context.Diagnostics.Add(DiagnosticCatalog.LinkDereferenced, link.Path, link.LinkTarget);
            }
        }
    }

    private static bool IsAncestorOf(VirtualNode directory, VirtualNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == directory)
            {
                return true;
            }
        }

        return false;
    }
}
