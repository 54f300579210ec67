using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Archive names with `//` or `/./` inside them (MPK3008): extracted fine, but not the name on disk.</summary>
internal sealed class NonCanonicalPathRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (name.IsNonCanonical)
        {
            context.Diagnostics.Add(DiagnosticCatalog.NonCanonicalPath, entry.Path);
        }
    }
}
