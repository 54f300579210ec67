using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Seed rule: keys ending in '/' (the S3 console's "folders") fail deployment (MPK1006).</summary>
internal sealed class FolderMarkerRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (context.IsListing && entry.Path.EndsWith('/'))
        {
            context.Diagnostics.Add(DiagnosticCatalog.FolderMarker, entry.Path, entry.Size < 0 ? "?" : entry.Size);
        }
    }
}
