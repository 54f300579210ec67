using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Seed rule: no NUL in a name (MPK1002). Archives reach this through PAX paths, which may hold any byte.</summary>
internal sealed class NulCharacterRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (entry.Path.Contains('\0', StringComparison.Ordinal))
        {
            context.Diagnostics.Add(DiagnosticCatalog.NulCharacter, entry.Path);
        }
    }
}
