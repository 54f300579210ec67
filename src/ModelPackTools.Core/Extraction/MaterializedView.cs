using ModelPackTools.Content;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>The simulated /opt/ml/model as the content port's aggregation step sees it (<see cref="IMaterializedTree"/>).</summary>
internal sealed class MaterializedView : IMaterializedTree
{
    private readonly ModelTree tree;
    private readonly VirtualFileSystem fileSystem;

    public MaterializedView(ModelTree tree, VirtualFileSystem fileSystem)
    {
        this.tree = tree;
        this.fileSystem = fileSystem;
    }

    public IEnumerable<MaterializedEntry> Entries => this.fileSystem.AllNodes().Select(this.EntryOf);

    public IEnumerable<MaterializedEntry> Children(string folder)
    {
        var found = this.Walk(folder, followFinal: true);
        return found.Status == ResolutionStatus.Found && found.Node!.Children is { } children
            ? children.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(this.EntryOf)
            : [];
    }

    public MaterializedEntry? Find(string path)
    {
        var found = this.Walk(path, followFinal: false);
        return found.Status == ResolutionStatus.Found ? this.EntryOf(found.Node!) : null;
    }

    public MaterializedLookup Resolve(string path)
    {
        var found = this.Walk(path, followFinal: true);
        var status = found.Status switch
        {
            ResolutionStatus.Found => LookupStatus.Found,
            ResolutionStatus.Escapes => LookupStatus.LeavesTheRoot,
            ResolutionStatus.Loop => LookupStatus.Loop,
            ResolutionStatus.NotADirectory => LookupStatus.NotADirectory,
            _ => LookupStatus.Missing,
        };
        return new MaterializedLookup(status, status == LookupStatus.Found ? this.EntryOf(found.Node!) : null);
    }

    private Resolution Walk(string path, bool followFinal) =>
        path.Length == 0 ? new Resolution(ResolutionStatus.Found, this.fileSystem.Root) : VirtualFileSystem.Walk(this.fileSystem.Root, path, followFinal);

    private MaterializedEntry EntryOf(VirtualNode node) =>
        new(node.Path, node.Kind, node.IsDirectory ? 0 : this.SizeOf(node), node.Kind == EntryKind.SymbolicLink ? node.LinkTarget : null);

    // A hard link's member carries no data of its own: its bytes are its target's (the materialiser checked that
    // the target is a regular file placed before it).
    private long SizeOf(VirtualNode node)
    {
        if (node.EntryIndex < 0)
        {
            return -1;
        }

        var entry = this.tree.Entries[node.EntryIndex];
        if (node.IsFromHardLink && entry.Kind == EntryKind.HardLink)
        {
            var target = EntryName.ForArchiveMember(entry.LinkTarget ?? string.Empty);
            var found = VirtualFileSystem.Walk(this.fileSystem.Root, target.Components, followFinal: false);
            return found.Status == ResolutionStatus.Found && found.Node!.EntryIndex >= 0 ? this.tree.Entries[found.Node.EntryIndex].Size : -1;
        }

        return entry.Size;
    }
}
