using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// Walks a local folder without following links (lstat semantics). Links, FIFOs, sockets, devices and entries it
/// cannot read are recorded as such; nothing is skipped silently and nothing is opened except to test readability.
/// Children are visited in ordinal name order so that reports are the same on every file system.
/// </summary>
public static class DirectorySource
{
    /// <summary>Raised with the folder's full path at the start of every walk; tests count them (a writer never walks).</summary>
    internal static event Action<string>? Walking;

    public static ModelTree Read(string directory)
    {
        Walking?.Invoke(Path.GetFullPath(directory));
        var root = new DirectoryInfo(directory);
        if (File.Exists(directory))
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotFound, directory, "is a file; give the model folder");
        }

        if (!root.Exists)
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotFound, directory, "no such directory");
        }

        var entries = new List<ModelEntry>();
        var pending = new Stack<(DirectoryInfo Directory, string RelativePath)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (current, relative) = pending.Pop();
            FileSystemInfo[] children;
            try
            {
                children = current.GetFileSystemInfos();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                if (relative.Length == 0)
                {
                    throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, directory, $"cannot list the directory: {e.Message}");
                }

                entries.Add(new ModelEntry { Path = relative, Kind = EntryKind.Unreadable, Problem = e.Message, LocalPath = current.FullName });
                continue;
            }

            Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<(DirectoryInfo, string)>();
            foreach (var child in children)
            {
                var path = relative.Length == 0 ? child.Name : relative + "/" + child.Name;
                var entry = Describe(child, path);
                entries.Add(entry);
                if (entry.Kind == EntryKind.Directory)
                {
                    subdirectories.Add(((DirectoryInfo)child, path));
                }
            }

            // Push in reverse so directories are walked in name order (depth-first, like `find | sort`).
            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }

        return new ModelTree(directory, SourceKind.Directory, entries, Array.Empty<Diagnostic>());
    }

    private static ModelEntry Describe(FileSystemInfo info, string path)
    {
        var kind = FileStatus.KindOf(info);
        var mode = OperatingSystem.IsWindows() ? 0 : (int)info.UnixFileMode;
        switch (kind)
        {
            case EntryKind.SymbolicLink:
                return new ModelEntry { Path = path, Kind = kind, Mode = mode, LinkTarget = info.LinkTarget, LocalPath = info.FullName };
            case EntryKind.Directory:
                return info is DirectoryInfo
                    ? new ModelEntry { Path = path, Kind = kind, Mode = mode, LocalPath = info.FullName }
                    : new ModelEntry { Path = path, Kind = EntryKind.Unreadable, Problem = "changed while it was read", LocalPath = info.FullName };
            case EntryKind.File:
                var problem = ProbeReadable(info.FullName);
                return problem is null
                    ? new ModelEntry { Path = path, Kind = kind, Mode = mode, Size = ((FileInfo)info).Length, LocalPath = info.FullName }
                    : new ModelEntry { Path = path, Kind = EntryKind.Unreadable, Mode = mode, Problem = problem, LocalPath = info.FullName };
            default:
                return new ModelEntry { Path = path, Kind = kind, Mode = mode, LocalPath = info.FullName };
        }
    }

    private static string? ProbeReadable(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return e.Message;
        }
    }
}
