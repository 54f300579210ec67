using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>
/// Any symbolic link in an archive or listing (MPK2003): SageMaker cannot extract it. A folder's links are judged by
/// <see cref="LinkResolutionRule"/> instead, because `pack` and `layout` dereference the ones that stay inside.
/// </summary>
internal sealed class SymbolicLinkInArchiveRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (!context.IsDirectory && entry.Kind == EntryKind.SymbolicLink)
        {
            context.Diagnostics.Add(DiagnosticCatalog.SymbolicLinkInArchive, entry.Path, entry.LinkTarget);
        }
    }
}
