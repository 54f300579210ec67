using ModelPackTools.Diagnostics;
using ModelPackTools.IO;
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
        var pending = new Stack<(string FullPath, string RelativePath)>();
        pending.Push((root.FullName, string.Empty));
        while (pending.Count > 0)
        {
            var (current, relative) = pending.Pop();
            List<(string Name, FileSystemInfo? Info)> children;
            try
            {
                children = Children(current);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                if (relative.Length == 0)
                {
                    throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, directory, $"cannot list the directory: {e.Message}");
                }

                entries.Add(new ModelEntry { Path = relative, Kind = EntryKind.Unreadable, Problem = e.Message, LocalPath = current });
                continue;
            }

            children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<(string, string)>();
            foreach (var (name, info) in children)
            {
                var path = relative.Length == 0 ? name : relative + "/" + name;
                var entry = info is null ? DescribeRaw(Path.Join(current, name), path) : Describe(info, path);
                entries.Add(entry);
                if (entry.Kind == EntryKind.Directory)
                {
                    subdirectories.Add((entry.LocalPath!, path));
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

    /// <summary>
    /// A directory's children; the info is null for a child .NET cannot name (its path holds bytes that are not UTF-8).
    /// .NET decodes such names to U+FFFD, so the file could not be reopened and "changed while it was read" (issue 10,
    /// item 3): on Linux a listing with U+FFFD in it is read again by bytes (readdir), as GNU tar reads it.
    /// </summary>
    private static List<(string Name, FileSystemInfo? Info)> Children(string directory)
    {
        if (!RawPathFile.NeedsRawBytes(directory))
        {
            var infos = new DirectoryInfo(directory).GetFileSystemInfos();
            if (!OperatingSystem.IsLinux() || !infos.Any(i => i.Name.Contains('\uFFFD', StringComparison.Ordinal)))
            {
                return [.. infos.Select(i => (i.Name, (FileSystemInfo?)i))];
            }
        }

        return [.. RawPathFile.ListNames(directory).Select(name => (name, InfoOf(Path.Join(directory, name))))];
    }

    private static FileSystemInfo? InfoOf(string path)
    {
        if (RawPathFile.NeedsRawBytes(path))
        {
            return null;
        }

        var file = new FileInfo(path);
        return FileStatus.KindOf(file) == EntryKind.Directory ? new DirectoryInfo(path) : file;
    }

    /// <summary>An entry whose path .NET cannot pass on, described by lstat and open on its stored bytes.</summary>
    private static ModelEntry DescribeRaw(string fullPath, string path)
    {
        var invalid = RawNameText.HasRawBytes(path);
        if (!FileStatus.TryStatRaw(fullPath, out var kind, out var mode, out var size))
        {
            return new ModelEntry { Path = path, Kind = EntryKind.Unreadable, Problem = "changed while it was read", LocalPath = fullPath, HasInvalidUtf8 = invalid };
        }

        var entry = new ModelEntry { Path = path, Kind = kind, Mode = mode, LocalPath = fullPath, HasInvalidUtf8 = invalid };
        switch (kind)
        {
            case EntryKind.SymbolicLink:
                return entry with { LinkTarget = RawPathFile.ReadLink(fullPath) };
            case EntryKind.File:
                var problem = ProbeReadable(fullPath);
                return problem is null ? entry with { Size = size } : entry with { Kind = EntryKind.Unreadable, Problem = problem };
            default:
                return entry;
        }
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
            if (RawPathFile.NeedsRawBytes(path))
            {
                using var stream = RawPathFile.OpenRead(path);
                return null;
            }

            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return e.Message;
        }
    }
}
