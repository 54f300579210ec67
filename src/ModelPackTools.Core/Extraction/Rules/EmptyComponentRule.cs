using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Seed rule: no empty or blank file or directory names (MPK1001).</summary>
internal sealed class EmptyComponentRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (name.IsRoot)
        {
            // Only a directory may stand for the root; anything else named "", "." or "/" has no name at all.
            context.Diagnostics.Add(DiagnosticCatalog.EmptyComponent, entry.Path, entry.Path);
            return;
        }

        foreach (var part in name.Components)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                context.Diagnostics.Add(DiagnosticCatalog.EmptyComponent, entry.Path, part);
                return;
            }
        }
    }
}
