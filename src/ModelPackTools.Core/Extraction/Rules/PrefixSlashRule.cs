using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>Seed rule: an S3Prefix URI always ends with '/' (MPK1007).</summary>
internal sealed class PrefixSlashRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.Mode == ExtractionMode.S3PrefixNone && context.Options.S3Uri is { } uri && !uri.IsPrefix)
        {
            context.Diagnostics.Add(DiagnosticCatalog.PrefixWithoutSlash, null, uri.ToString());
        }
    }
}
