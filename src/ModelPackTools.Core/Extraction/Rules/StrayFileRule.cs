using ModelPackTools.Diagnostics;

namespace ModelPackTools.Extraction.Rules;

/// <summary>OS, editor and cache debris that never belongs in a model (MPK3005); reported once per item, not per file inside.</summary>
internal sealed class StrayFileRule : ITreeRule
{
    private static readonly HashSet<string> StrayFiles = new(StringComparer.Ordinal) { ".DS_Store", "Thumbs.db", "desktop.ini" };
    private static readonly HashSet<string> StrayDirectories = new(StringComparer.Ordinal) { "__pycache__", ".ipynb_checkpoints", ".git", "__MACOSX" };

    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        foreach (var node in tree.AllNodes())
        {
            var stray = node.IsDirectory
                ? StrayDirectories.Contains(node.Name)
                : StrayFiles.Contains(node.Name) || node.Name.StartsWith("._", StringComparison.Ordinal);
            if (stray && !IsInsideStray(node))
            {
                context.Diagnostics.Add(DiagnosticCatalog.StrayFile, node.Path, node.Name);
            }
        }
    }

    private static bool IsInsideStray(VirtualNode node)
    {
        for (var parent = node.Parent; parent?.Parent is not null; parent = parent.Parent)
        {
            if (StrayDirectories.Contains(parent.Name))
            {
                return true;
            }
        }

        return false;
    }
}
