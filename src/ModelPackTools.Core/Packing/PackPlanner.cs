using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Packing;

/// <summary>
/// Turns a simulated tree that passed the rules into the sorted list of archive members. Symbolic links that stay
/// inside the tree are replaced by what they point to (SageMaker cannot extract links); hard-linked files are plain
/// files already, because the folder walk never records hard links.
/// </summary>
internal static class PackPlanner
{
    public static List<PackEntry> Plan(ModelCheck check) => Plan(check.Tree, check.FileSystem);

    private static List<PackEntry> Plan(ModelTree tree, VirtualFileSystem fileSystem)
    {
        var entries = new List<PackEntry>();
        foreach (var child in fileSystem.Root.Children!.Values)
        {
            Emit(tree, child, child.Name, entries, depth: 0);
        }

        entries.Sort((a, b) => a.PathUtf8.AsSpan().SequenceCompareTo(b.PathUtf8));
        return entries;
    }

    private static void Emit(ModelTree tree, VirtualNode node, string path, List<PackEntry> entries, int depth)
    {
        // The rules refuse links to a containing folder; this bound only guards against a rule being bypassed.
        if (depth > 4096)
        {
            throw new InvalidOperationException($"'{path}' nests too deeply; is a link looping?");
        }

        switch (node.Kind)
        {
            case EntryKind.Directory:
                entries.Add(new PackEntry(path, IsDirectory: true, null, 0, IsExecutable: true));
                foreach (var child in node.Children!.Values)
                {
                    Emit(tree, child, path + "/" + child.Name, entries, depth + 1);
                }

                break;
            case EntryKind.File:
                var entry = tree.Entries[node.EntryIndex];
                entries.Add(new PackEntry(path, IsDirectory: false, entry.LocalPath, entry.Size, (entry.Mode & 0x49) != 0));
                break;
            case EntryKind.SymbolicLink:
                var target = VirtualFileSystem.Walk(node.Parent!, node.LinkTarget ?? string.Empty, followFinal: true);
                if (target.Status != ResolutionStatus.Found)
                {
                    throw new InvalidOperationException($"'{path}': link to '{node.LinkTarget}' {target.Describe()}");
                }

                Emit(tree, target.Node!, path, entries, depth + 1);
                break;
            default:
                throw new InvalidOperationException($"'{path}' is a {node.Kind}, which cannot be packed");
        }
    }
}
