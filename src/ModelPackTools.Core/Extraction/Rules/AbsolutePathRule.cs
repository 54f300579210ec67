using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Archive members with absolute paths (MPK2001). The lone root entry never reaches the rules.</summary>
internal sealed class AbsolutePathRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (name.IsArchiveMember && name.IsAbsolute && !name.IsRoot)
        {
            context.Diagnostics.Add(DiagnosticCatalog.AbsolutePath, entry.Path);
        }
    }
}
