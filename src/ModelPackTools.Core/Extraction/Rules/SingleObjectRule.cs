using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>S3Object with CompressionType=None deploys exactly one object (MPK1014).</summary>
internal sealed class SingleObjectRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.Mode != ExtractionMode.S3ObjectNone)
        {
            return;
        }

        var files = context.Tree.Entries.Count(e => e.Kind == EntryKind.File);
        if (files > 1)
        {
            context.Diagnostics.Add(DiagnosticCatalog.NotASingleObject, null, context.InputNoun, files);
        }
    }
}
