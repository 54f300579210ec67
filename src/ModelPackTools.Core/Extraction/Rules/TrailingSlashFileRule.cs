using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>A regular-file member named with a trailing '/' (MPK1012): a directory to some tools, a file to others.</summary>
internal sealed class TrailingSlashFileRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (context.IsArchive && entry.Kind == EntryKind.File && entry.Path.EndsWith('/'))
        {
            context.Diagnostics.Add(DiagnosticCatalog.FileNameEndsWithSlash, entry.Path);
        }
    }
}
