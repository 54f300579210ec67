using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Files and folders the source could not read (MPK2019).</summary>
internal sealed class UnreadableEntryRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (entry.Kind == EntryKind.Unreadable)
        {
            context.Diagnostics.Add(DiagnosticCatalog.Unreadable, entry.Path, entry.Problem ?? "permission denied");
        }
    }
}
