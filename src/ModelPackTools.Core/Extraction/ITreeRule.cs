namespace ModelPackTools.Extraction;

/// <summary>A rule that judges the materialised tree as a whole: pairs of names, the top level, what is missing.</summary>
internal interface ITreeRule
{
    void Check(VirtualFileSystem tree, ExtractionContext context);
}
