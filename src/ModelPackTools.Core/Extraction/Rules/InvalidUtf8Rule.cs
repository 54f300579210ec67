using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>
/// Names stored in an encoding other than UTF-8. Extracted from a tar the bytes survive, which only surprises
/// (MPK3007, on every entry whose path holds them). Where names become S3 keys (S3Prefix, S3Object with None) they
/// cannot: a key is UTF-8, so the file has no key at all (MPK1016), reported once, on the entry whose own name holds
/// the bytes (a folder's files follow from it).
/// </summary>
internal sealed class InvalidUtf8Rule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (!entry.HasInvalidUtf8)
        {
            return;
        }

        if (!context.NamesAreKeys)
        {
            context.Diagnostics.Add(DiagnosticCatalog.InvalidUtf8, entry.Path);
        }
        else if (RawNameText.HasRawBytes(entry.Path[(entry.Path.LastIndexOf('/') + 1)..]))
        {
            context.Diagnostics.Add(DiagnosticCatalog.NameNotAKey, entry.Path);
        }
    }
}
