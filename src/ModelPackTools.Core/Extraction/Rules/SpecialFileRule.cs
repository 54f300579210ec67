using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Devices, FIFOs and sockets are not model data (MPK2006).</summary>
internal sealed class SpecialFileRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        var what = entry.Kind switch
        {
            EntryKind.Fifo => "a FIFO (named pipe)",
            EntryKind.CharacterDevice => "a character device",
            EntryKind.BlockDevice => "a block device",
            EntryKind.Socket => "a socket",
            _ => null,
        };
        if (what is not null)
        {
            context.Diagnostics.Add(DiagnosticCatalog.SpecialFile, entry.Path, what);
        }
    }
}
