using System.Text;
using System.Text.RegularExpressions;
using ModelPackTools.Trees;

namespace ModelPackTools.Selection;

/// <summary>
/// Which files of a model folder take part: include and exclude globs, as modelpack.json gives them. `*` and `?`
/// stay inside one path segment, `**` spans segments; a glob without '/' matches a name at any depth (like
/// .gitignore). A glob that matches a folder takes in (or leaves out) everything beneath it. With no include globs,
/// everything is included. Folders are kept only when something beneath them is, or when they were empty to begin
/// with, so leaving files out never invents empty-folder warnings.
/// </summary>
public sealed class PathSelection
{
    private readonly List<Regex> include;
    private readonly List<Regex> exclude;
    private readonly List<ExcludedPath> excludedPaths;

    /// <param name="excludedPaths">Relative paths left out whatever the globs say (with everything beneath them), each with its reason.</param>
    public PathSelection(IEnumerable<string> include, IEnumerable<string> exclude, IEnumerable<ExcludedPath>? excludedPaths = null)
    {
        this.include = include.Select(Compile).ToList();
        this.exclude = exclude.Select(Compile).ToList();
        this.excludedPaths = (excludedPaths ?? []).ToList();
    }

    /// <summary>This selection with more paths left out.</summary>
    public PathSelection With(IEnumerable<ExcludedPath> excludedPaths) => new(this.include, this.exclude, [.. this.excludedPaths, .. excludedPaths]);

    private PathSelection(List<Regex> include, List<Regex> exclude, List<ExcludedPath> excludedPaths)
    {
        this.include = include;
        this.exclude = exclude;
        this.excludedPaths = excludedPaths;
    }

    /// <summary>Why a glob left a path out.</summary>
    public const string GlobReason = "the include and exclude globs";

    public static PathSelection Everything { get; } = new([], []);

    public bool IsEverything => this.include.Count == 0 && this.exclude.Count == 0 && this.excludedPaths.Count == 0;

    /// <summary>Whether a relative '/'-separated path takes part.</summary>
    public bool Includes(string path)
    {
        var prefixes = Prefixes(path).ToList();
        if (this.ExcludedBy(prefixes) is not null)
        {
            return false;
        }

        if (this.exclude.Exists(glob => prefixes.Exists(p => glob.IsMatch(p))))
        {
            return false;
        }

        return this.include.Count == 0 || this.include.Exists(glob => prefixes.Exists(p => glob.IsMatch(p)));
    }

    /// <summary>The entries of a folder walk that take part, in their original order.</summary>
    public ModelTree Apply(ModelTree tree) => this.Apply(tree, out _);

    /// <summary>
    /// The entries that take part, and what was left out: each excluded path once (not every file beneath it), and
    /// each file a glob left out.
    /// </summary>
    public ModelTree Apply(ModelTree tree, out IReadOnlyList<ExcludedPath> excluded)
    {
        excluded = [];
        if (this.IsEverything)
        {
            return tree;
        }

        var kept = new HashSet<ModelEntry>(tree.Entries.Where(e => e.Kind != EntryKind.Directory && this.Includes(e.Path)), ReferenceEqualityComparer.Instance);
        var keptFolders = new HashSet<string>(kept.SelectMany(e => Prefixes(e.Path).Skip(1)), StringComparer.Ordinal);
        var allFolders = new HashSet<string>(tree.Entries.SelectMany(e => Prefixes(e.Path).Skip(1)), StringComparer.Ordinal);
        var entries = tree.Entries
            .Where(e => e.Kind == EntryKind.Directory
                ? keptFolders.Contains(e.Path) || (!allFolders.Contains(e.Path) && this.Includes(e.Path))
                : kept.Contains(e))
            .ToList();
        var left = new List<ExcludedPath>();
        foreach (var entry in tree.Entries.Where(e => e.Kind != EntryKind.Directory && !kept.Contains(e)))
        {
            var reason = this.ExcludedBy(Prefixes(entry.Path).ToList()) ?? new ExcludedPath(entry.Path, GlobReason);
            if (!left.Contains(reason))
            {
                left.Add(reason);
            }
        }

        excluded = left;
        return new ModelTree(tree.SourceName, tree.SourceKind, entries, tree.SourceDiagnostics)
        {
            KeyPrefix = tree.KeyPrefix,
            IsGzipCompressed = tree.IsGzipCompressed,
            IsIncomplete = tree.IsIncomplete,
        };
    }

    /// <summary>Whether <paramref name="path"/> (absolute) is inside <paramref name="root"/> and left out of the selection.</summary>
    public bool ExcludesLocal(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
        return !relative.StartsWith("..", StringComparison.Ordinal) && !this.Includes(relative);
    }

    private ExcludedPath? ExcludedBy(List<string> prefixes) =>
        this.excludedPaths.Find(e => prefixes.Contains(e.Path, StringComparer.Ordinal));

    /// <summary>The path itself, then each folder above it: `a/b/c`, `a/b`, `a`.</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        var current = path.TrimEnd('/');
        while (current.Length > 0)
        {
            yield return current;
            var slash = current.LastIndexOf('/');
            current = slash < 0 ? string.Empty : current[..slash];
        }
    }

    private static Regex Compile(string glob)
    {
        var text = glob.Trim().TrimStart('/').TrimEnd('/');
        if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        var pattern = new StringBuilder(text.Contains('/', StringComparison.Ordinal) ? @"\A" : @"\A(?:.*/)?");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append(@"\z").ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
