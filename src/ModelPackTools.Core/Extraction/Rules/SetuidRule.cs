using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>setuid and setgid bits (MPK2008). The sticky bit is harmless and left alone.</summary>
internal sealed class SetuidRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        var bits = entry.Mode & 0x0C00; // 04000 setuid | 02000 setgid
        if (bits != 0 && entry.Kind != EntryKind.SymbolicLink)
        {
            var which = bits == 0x0C00 ? "setuid and setgid" : bits == 0x0800 ? "setuid" : "setgid";
            context.Diagnostics.Add(DiagnosticCatalog.SetuidBits, entry.Path, Convert.ToString(entry.Mode, 8).PadLeft(4, '0'), which);
        }
    }
}
