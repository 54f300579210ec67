namespace ModelPackTools.IO;

/// <summary>
/// Output that appears under its final name only when complete: written to a hidden sibling
/// (`.NAME.PID.partial`), then renamed into place. A previous output is replaced in one rename (a file) or moved
/// aside first and removed after (a folder), so a reader sees the old output, briefly none, or the new one, never
/// half of one, even when the process is killed. Missing parent folders are created, as users of `-o out/x` expect.
/// </summary>
public static class StagedOutput
{
    public static string StagingPathFor(string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.partial");
    }

    /// <summary>Writes a whole file through a staging sibling; the staging file is removed if writing fails.</summary>
    public static void WriteFile(string finalPath, Action<Stream> write)
    {
        var staging = StagingPathFor(finalPath);
        try
        {
            using (var stream = new FileStream(staging, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            CommitFile(staging, finalPath);
        }
        catch
        {
            File.Delete(staging);
            throw;
        }
    }

    public static void CommitFile(string staging, string finalPath) => File.Move(staging, Path.GetFullPath(finalPath), overwrite: true);

    public static void CommitDirectory(string staging, string finalPath)
    {
        string? previous = null;
        if (Directory.Exists(finalPath))
        {
            previous = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(finalPath))!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.old");
            Directory.Move(finalPath, previous);
        }

        Directory.Move(staging, finalPath);
        if (previous is not null)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    public static bool IsInside(string path, string directory)
    {
        var root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path == directory || path.StartsWith(root, StringComparison.Ordinal);
    }
}
