using ModelPackTools.Trees;

namespace ModelPackTools.Content;

/// <summary>
/// /opt/ml/model as SageMaker materialises it, for the aggregation step (<see cref="IContentAggregator"/>): what
/// the simulator placed, after duplicates replaced earlier entries and clashes were refused. Paths resolve physically,
/// one component at a time through every link, as the container's open() would. The simulator implements it.
/// </summary>
public interface IMaterializedTree
{
    /// <summary>Every entry below the root, parents before children, siblings in ordinal order.</summary>
    IEnumerable<MaterializedEntry> Entries { get; }

    /// <summary>The entries directly inside a folder ("" for the root), in ordinal order; none when it is no folder.</summary>
    IEnumerable<MaterializedEntry> Children(string folder);

    /// <summary>The entry at a path, the last component not followed when it is a link (lstat); null when there is none.</summary>
    MaterializedEntry? Find(string path);

    /// <summary>
    /// Where a path leads once every link is followed (stat). The entry's <see cref="MaterializedEntry.Path"/> is
    /// where it really is, so a caller tells a file reached through a link out of its folder from one inside it.
    /// </summary>
    MaterializedLookup Resolve(string path);
}

/// <summary>
/// One path of the materialised tree. <see cref="Kind"/> is a file, directory or symbolic link (a hard link is a
/// file); <see cref="Size"/> is -1 when the source does not know it (a plain list of keys); <see cref="LinkTarget"/>
/// is a symbolic link's target as stored.
/// </summary>
public sealed record MaterializedEntry(string Path, EntryKind Kind, long Size, string? LinkTarget)
{
    public bool IsFile => this.Kind is EntryKind.File or EntryKind.HardLink;

    public bool IsDirectory => this.Kind == EntryKind.Directory;

    /// <summary>The last component of the path.</summary>
    public string Name => this.Path[(this.Path.LastIndexOf('/') + 1)..];
}

/// <summary>How a path walked through the materialised tree ended.</summary>
public enum LookupStatus
{
    Found,
    Missing,
    LeavesTheRoot,
    Loop,
    NotADirectory,
}

/// <summary>Where a path led (<see cref="IMaterializedTree.Resolve"/>): the entry when <see cref="Status"/> is Found.</summary>
public readonly record struct MaterializedLookup(LookupStatus Status, MaterializedEntry? Entry);
