using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>
/// '.' and '..' as names. For S3 keys both are forbidden by the seed rules (MPK1004); in an archive a leading './'
/// is normal and '..' is path traversal (MPK2002).
/// </summary>
internal sealed class DotComponentRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        foreach (var part in name.Components)
        {
            if (part is not ("." or ".."))
            {
                continue;
            }

            if (name.IsArchiveMember)
            {
                context.Diagnostics.Add(DiagnosticCatalog.ParentTraversal, entry.Path);
            }
            else
            {
                context.Diagnostics.Add(DiagnosticCatalog.DotComponent, entry.Path, part);
            }

            return;
        }
    }
}
