using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>What a writer asks of the check it is given: a local folder, judged in the mode the writer produces.</summary>
public static class CheckedFolder
{
    /// <returns>The folder's full path.</returns>
    public static string RootOf(ModelCheck check, ExtractionMode mode)
    {
        if (check.Tree.SourceKind != SourceKind.Directory)
        {
            throw new ArgumentException($"'{check.Tree.SourceName}' was checked as a {check.Tree.SourceKind}; writers take a checked folder", nameof(check));
        }

        if (check.Mode != mode)
        {
            throw new ArgumentException($"the check ran in mode {ModeNames.ToOption(check.Mode)}; this writer needs {ModeNames.ToOption(mode)}", nameof(check));
        }

        return Path.GetFullPath(check.Tree.SourceName);
    }
}
