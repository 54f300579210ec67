using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Sparse files and type flags that extractors handle differently or not at all (MPK2007).</summary>
internal sealed class UnsupportedEntryTypeRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (entry.Kind is EntryKind.Sparse or EntryKind.Unknown)
        {
            context.Diagnostics.Add(DiagnosticCatalog.UnsupportedEntryType, entry.Path, entry.Problem ?? entry.Kind.ToString());
        }
    }
}
