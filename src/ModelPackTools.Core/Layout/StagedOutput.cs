namespace ModelPackTools.Layout;

/// <summary>
/// Output that appears under its final name only when complete: built in a hidden sibling, then renamed into place.
/// A previous output is moved aside first and removed after, so a reader sees the old one, briefly nothing, or
/// the new one, but never half of either, even when the process is killed.
/// </summary>
internal static class StagedOutput
{
    public static string StagingPathFor(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.partial");

    public static void CommitDirectory(string staging, string finalPath)
    {
        string? previous = null;
        if (Directory.Exists(finalPath))
        {
            previous = Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.old");
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
