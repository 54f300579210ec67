using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>A backslash is part of the name on Linux, usually a Windows path by mistake (MPK3003).</summary>
internal sealed class BackslashRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (entry.Path.Contains('\\', StringComparison.Ordinal))
        {
            context.Diagnostics.Add(DiagnosticCatalog.Backslash, entry.Path);
        }
    }
}
