using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>A link, directory or device header that declares data (MPK2005): extractors disagree on whether it follows.</summary>
internal sealed class DataOnNonFileRule : IEntryRule
{
    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        if (entry.DeclaredDataSize > 0)
        {
            var what = entry.Kind switch
            {
                EntryKind.HardLink => "a hard link",
                EntryKind.SymbolicLink => "a symbolic link",
                EntryKind.Directory => "a directory",
                _ => "a device or FIFO",
            };
            context.Diagnostics.Add(DiagnosticCatalog.DataOnNonFile, entry.Path, what, entry.DeclaredDataSize);
        }
    }
}
