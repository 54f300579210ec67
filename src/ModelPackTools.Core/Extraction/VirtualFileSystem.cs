using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>
/// The simulated /opt/ml/model. Paths are resolved physically, one component at a time and through every link
/// met, as the kernel does during extraction, not by cleaning up the text: `escape -> link/link/../OUT` with
/// `link -> ./` looks harmless as text (`link/OUT`) but climbs out of the root.
/// </summary>
internal sealed class VirtualFileSystem
{
    private const int MaxLinkHops = 40; // Linux's own limit (ELOOP)

    public VirtualNode Root { get; } = new(string.Empty, EntryKind.Directory, null, -1);

    public List<VirtualNode> SymbolicLinks { get; } = [];

    private List<VirtualNode>? allNodes;

    /// <summary>
    /// Every node below the root, parents before children, siblings in ordinal order (stable reports). Collected once:
    /// the tree rules that ask for it run after every entry is placed, and a 1,000,000-key tree is walked only once.
    /// </summary>
    public IReadOnlyList<VirtualNode> AllNodes() => this.allNodes ??= this.Collect();

    private List<VirtualNode> Collect()
    {
        var nodes = new List<VirtualNode>();
        var pending = new Stack<VirtualNode>();
        pending.Push(this.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Parent is not null)
            {
                nodes.Add(node);
            }

            if (node.Children is { Count: > 0 } children)
            {
                foreach (var child in children.Values.OrderByDescending(c => c.Name, StringComparer.Ordinal))
                {
                    pending.Push(child);
                }
            }
        }

        return nodes;
    }

    public static Resolution Walk(VirtualNode start, string path, bool followFinal) =>
        Walk(start, path.Split('/'), followFinal, absolute: path.StartsWith('/'));

    public static Resolution Walk(VirtualNode start, IReadOnlyList<string> components, bool followFinal, bool absolute = false)
    {
        if (absolute)
        {
            // An absolute target means the container's file system, never /opt/ml/model's own tree.
            return new Resolution(ResolutionStatus.Escapes, null);
        }

        var pending = new Stack<string>();
        for (var i = components.Count - 1; i >= 0; i--)
        {
            pending.Push(components[i]);
        }

        var current = start;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Parent is null)
                {
                    return new Resolution(ResolutionStatus.Escapes, current);
                }

                current = current.Parent;
                continue;
            }

            if (current.Children is null)
            {
                return new Resolution(ResolutionStatus.NotADirectory, current);
            }

            if (!current.Children.TryGetValue(part, out var child))
            {
                return new Resolution(ResolutionStatus.Missing, current);
            }

            if (child.Kind == EntryKind.SymbolicLink && (pending.Count > 0 || followFinal))
            {
                if (++hops > MaxLinkHops)
                {
                    return new Resolution(ResolutionStatus.Loop, child);
                }

                var target = child.LinkTarget ?? string.Empty;
                if (target.StartsWith('/'))
                {
                    return new Resolution(ResolutionStatus.Escapes, child);
                }

                var targetParts = target.Split('/');
                for (var i = targetParts.Length - 1; i >= 0; i--)
                {
                    pending.Push(targetParts[i]);
                }

                continue;
            }

            current = child;
        }

        return new Resolution(ResolutionStatus.Found, current);
    }
}
