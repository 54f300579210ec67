using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Names stored in an encoding other than UTF-8 (MPK3007).</summary>
internal sealed class InvalidUtf8Rule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (entry.HasInvalidUtf8)
        {
            context.Diagnostics.Add(DiagnosticCatalog.InvalidUtf8, entry.Path);
        }
    }
}
