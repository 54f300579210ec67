using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Seed rule: an S3Prefix URI always ends with '/' (MPK1007).</summary>
internal sealed class PrefixSlashRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        // The check of a listing reports it with what the prefix would hold (Engine.PrefixListing); once is enough.
        if (context.Mode == ExtractionMode.S3PrefixNone && context.Options.S3Uri is { } uri && !uri.IsPrefix &&
            !context.Tree.SourceDiagnostics.Any(d => d.Descriptor == DiagnosticCatalog.PrefixWithoutSlash))
        {
            context.Diagnostics.Add(DiagnosticCatalog.PrefixWithoutSlash, null, uri.ToString());
        }
    }
}
