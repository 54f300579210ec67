using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Seed rule: no name longer than 255 bytes, counted in UTF-8 bytes rather than characters (MPK1003).</summary>
internal sealed class ComponentLengthRule : IEntryRule
{
    private const int MaxBytes = 255;

    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        foreach (var part in name.Components)
        {
            // Cheap bound first: a part of at most 85 chars cannot exceed 255 bytes (3 bytes per UTF-16 unit at most).
            if (part.Length <= MaxBytes / 3)
            {
                continue;
            }

            var bytes = RawNameText.ByteCount(part);
            if (bytes > MaxBytes)
            {
                context.Diagnostics.Add(DiagnosticCatalog.ComponentTooLong, entry.Path, bytes, part.Length > 40 ? part[..40] + "..." : part);
                return;
            }
        }
    }
}
