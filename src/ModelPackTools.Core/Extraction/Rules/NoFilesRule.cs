using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>An archive, listing or folder with no regular file deploys an empty model (MPK1011).</summary>
internal sealed class NoFilesRule : ITreeRule
{
    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (!tree.AllNodes().Any(n => n.Kind == EntryKind.File) && !context.Tree.IsIncomplete)
        {
            context.Diagnostics.Add(DiagnosticCatalog.NoFiles, null, context.InputNoun);
        }
    }
}
