using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>C0 and C1 control characters other than NUL (MPK3002; NUL is MPK1002).</summary>
internal sealed class ControlCharacterRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        foreach (var c in entry.Path)
        {
            if (c != '\0' && char.IsControl(c))
            {
                context.Diagnostics.Add(DiagnosticCatalog.ControlCharacter, entry.Path, (int)c);
                return;
            }
        }
    }
}
