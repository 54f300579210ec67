using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>With CompressionType=Gzip the object must be gzip-compressed, whatever its name says (MPK2013).</summary>
internal sealed class GzipRequiredRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        // A source that read nothing (not a tar at all, say) has said what the file is: "a plain tar" would be wrong.
        var readNothing = context.Tree.IsIncomplete && context.Tree.Entries.Count == 0;
        if (context.IsArchive && context.Mode == ExtractionMode.S3ObjectGzip && !context.Tree.IsGzipCompressed && !readNothing)
        {
            context.Diagnostics.Add(DiagnosticCatalog.GzipLayer, null, "the archive is a plain tar, but CompressionType=Gzip makes SageMaker gunzip it first");
        }
    }
}
