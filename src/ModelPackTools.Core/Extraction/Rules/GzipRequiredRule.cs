using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>With CompressionType=Gzip the object must be gzip-compressed, whatever its name says (MPK2013).</summary>
internal sealed class GzipRequiredRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.IsArchive && context.Mode == ExtractionMode.S3ObjectGzip && !context.Tree.IsGzipCompressed)
        {
            context.Diagnostics.Add(DiagnosticCatalog.GzipLayer, null, "the archive is a plain tar, but CompressionType=Gzip makes SageMaker gunzip it first");
        }
    }
}
