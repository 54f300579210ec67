using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>S3 keys are at most 1024 bytes, prefix included (MPK1008).</summary>
internal sealed class KeyLengthRule : IEntryRule
{
    private const int MaxKeyBytes = 1024;

    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (name.IsArchiveMember || entry.Path.Length + context.KeyPrefix.Length <= MaxKeyBytes / 3)
        {
            return;
        }

        var bytes = context.KeyPrefixBytes + RawNameText.ByteCount(entry.Path);
        if (bytes > MaxKeyBytes)
        {
            context.Diagnostics.Add(DiagnosticCatalog.KeyTooLong, entry.Path, bytes);
        }
    }
}
