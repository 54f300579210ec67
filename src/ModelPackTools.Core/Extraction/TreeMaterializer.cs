using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>
/// Places entries into the simulated /opt/ml/model in source order, as an extractor (or SageMaker's download of a
/// prefix) would, and reports what cannot be placed: file/directory clashes in either order, duplicates that would
/// silently replace an earlier entry, paths written through links, and unsafe hard links.
/// </summary>
internal sealed class TreeMaterializer(ExtractionContext context)
{
    private readonly DiagnosticBag diagnostics = context.Diagnostics;
    private Dictionary<string, int>? lastIndexByName;

    public VirtualFileSystem FileSystem { get; } = new();

    public void Place(int index, ModelEntry entry, EntryName name)
    {
        var parts = name.Placeable;
        if (parts is null || parts.Count == 0 || entry.Kind == EntryKind.Unreadable)
        {
            return;
        }

        var parent = this.PlaceParents(entry, parts);
        if (parent is null)
        {
            return;
        }

        var kind = entry.Kind;
        var fromHardLink = false;
        if (kind == EntryKind.HardLink)
        {
            if (!this.CheckHardLink(index, entry))
            {
                return;
            }

            kind = EntryKind.File;
            fromHardLink = true;
        }

        // A key ending in '/' (a folder marker) makes a directory in every S3 tool that shows it.
        if (name.HasTrailingSlash && !name.IsArchiveMember)
        {
            kind = EntryKind.Directory;
        }

        var leaf = parts[^1];
        parent.Children!.TryGetValue(leaf, out var existing);
        if (existing is null)
        {
            var node = new VirtualNode(leaf, kind, parent, index) { LinkTarget = entry.LinkTarget, IsFromHardLink = fromHardLink };
            parent.Children[leaf] = node;
            if (kind == EntryKind.SymbolicLink)
            {
                this.FileSystem.SymbolicLinks.Add(node);
            }

            return;
        }

        if (existing.IsDirectory && kind == EntryKind.Directory)
        {
            if (existing.EntryIndex >= 0 && !name.HasTrailingSlash)
            {
                this.diagnostics.Add(DiagnosticCatalog.DuplicatePath, entry.Path, existing.Path, existing.EntryIndex + 1, index + 1);
            }

            existing.EntryIndex = existing.EntryIndex < 0 ? index : existing.EntryIndex;
            return;
        }

        if (existing.IsDirectory)
        {
            var child = existing.Children!.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? string.Empty;
            this.diagnostics.Add(DiagnosticCatalog.FileDirectoryClash, entry.Path, existing.Path, existing.Path + "/" + child);
            return;
        }

        if (kind == EntryKind.Directory)
        {
            this.diagnostics.Add(DiagnosticCatalog.FileDirectoryClash, entry.Path, existing.Path, existing.Path + "/...");
            return;
        }

        this.diagnostics.Add(DiagnosticCatalog.DuplicatePath, entry.Path, existing.Path, existing.EntryIndex + 1, index + 1);
        existing.Kind = kind;
        existing.EntryIndex = index;
        existing.LinkTarget = entry.LinkTarget;
        existing.IsFromHardLink = fromHardLink;
    }

    /// <summary>Walks to the entry's parent directory, creating missing directories as `tar` and S3 downloads do.</summary>
    private VirtualNode? PlaceParents(ModelEntry entry, IReadOnlyList<string> parts)
    {
        var current = this.FileSystem.Root;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            if (!current.Children!.TryGetValue(parts[i], out var child))
            {
                child = new VirtualNode(parts[i], EntryKind.Directory, current, -1);
                current.Children[parts[i]] = child;
                current = child;
                continue;
            }

            if (child.IsDirectory)
            {
                current = child;
                continue;
            }

            if (child.Kind == EntryKind.SymbolicLink)
            {
                var through = VirtualFileSystem.Walk(current, [parts[i]], followFinal: true);
                if (through.Status == ResolutionStatus.Found && through.Node!.IsDirectory)
                {
                    current = through.Node;
                    continue;
                }

                this.diagnostics.Add(
                    DiagnosticCatalog.LinkEscapes,
                    entry.Path,
                    $"written through the link '{child.Path}' -> '{child.LinkTarget}', which {through.Describe()}");
                return null;
            }

            this.diagnostics.Add(DiagnosticCatalog.FileDirectoryClash, entry.Path, child.Path, entry.Path);
            return null;
        }

        return current;
    }

    private bool CheckHardLink(int index, ModelEntry entry)
    {
        var target = EntryName.ForArchiveMember(entry.LinkTarget ?? string.Empty);
        if (target.IsAbsolute || target.Components.Contains("..") || target.IsRoot)
        {
            this.diagnostics.Add(DiagnosticCatalog.BadHardLink, entry.Path, entry.LinkTarget, "the target is outside the archive root");
            return false;
        }

        var found = VirtualFileSystem.Walk(this.FileSystem.Root, target.Components, followFinal: false);
        string? problem = found.Status switch
        {
            ResolutionStatus.Found when found.Node!.Kind == EntryKind.SymbolicLink => "the target is a symbolic link",
            ResolutionStatus.Found when found.Node!.IsDirectory => "the target is a directory",
            ResolutionStatus.Found when found.Node!.IsFromHardLink => "the target is itself a hard link",
            ResolutionStatus.Found when found.Node!.Kind != EntryKind.File => "the target is not a regular file",
            ResolutionStatus.Found => null,
            ResolutionStatus.Escapes => "the target is reached through a link that leaves the archive root",
            _ => this.IsLaterMember(index, target.Canonical) ? "the target appears later in the archive" : "no member of that name precedes it",
        };

        if (problem is not null)
        {
            this.diagnostics.Add(DiagnosticCatalog.BadHardLink, entry.Path, entry.LinkTarget, problem);
            return false;
        }

        return true;
    }

    private bool IsLaterMember(int index, string canonical)
    {
        // Built on first need (most archives have no hard links), then valid for every link: each name's last position.
        this.lastIndexByName ??= context.Tree.Entries
            .Select((e, i) => (Name: EntryName.ForArchiveMember(e.Path).Canonical, Index: i))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(p => p.Index), StringComparer.Ordinal);
        return this.lastIndexByName.TryGetValue(canonical, out var last) && last > index;
    }
}
