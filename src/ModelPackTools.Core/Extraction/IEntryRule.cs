using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>A rule that judges one entry on its own: its name, kind, mode.</summary>
internal interface IEntryRule
{
    void Check(ModelEntry entry, EntryName name, ExtractionContext context);
}
