using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>A file, directory or link in the simulated /opt/ml/model.</summary>
internal sealed class VirtualNode(string name, EntryKind kind, VirtualNode? parent, int entryIndex)
{
    public string Name { get; } = name;

    public EntryKind Kind { get; set; } = kind;

    public VirtualNode? Parent { get; } = parent;

    /// <summary>The entry that created or last replaced this node; -1 for a directory created implicitly.</summary>
    public int EntryIndex { get; set; } = entryIndex;

    public string? LinkTarget { get; set; }

    /// <summary>The node was made by a hard-link member: another hard link to it is a link to a link.</summary>
    public bool IsFromHardLink { get; set; }

    public Dictionary<string, VirtualNode>? Children { get; } = kind == EntryKind.Directory ? new(StringComparer.Ordinal) : null;

    public bool IsDirectory => this.Children is not null;

    /// <summary>A file the container can open as one (a hard link is a file; a symbolic link is not, until resolved).</summary>
    public bool IsFile => this.Kind is EntryKind.File or EntryKind.HardLink;

    public string Path => this.Parent is null ? string.Empty : this.Parent.Parent is null ? this.Name : this.Parent.Path + "/" + this.Name;
}
