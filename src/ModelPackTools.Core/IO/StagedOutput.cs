using ModelPackTools.Diagnostics;

namespace ModelPackTools.IO;

/// <summary>
/// Output that appears under its final name only when complete: written to a hidden sibling
/// (`.NAME.PID-RANDOM.partial`, unique even between concurrent builds of one output), then renamed into place. A previous output is replaced in one rename (a file) or moved
/// aside first and removed after (a folder), so a reader sees the old output, briefly none, or the new one, never
/// half of one, even when the process is killed. Missing parent folders are created, as users of `-o out/x` expect.
/// </summary>
public static class StagedOutput
{
    public static string StagingPathFor(string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{UniqueSuffix()}.partial");
    }

    /// <summary>Whether a file or folder name is a staging or set-aside sibling of <paramref name="finalName"/>.</summary>
    public static bool IsSiblingOf(string name, string finalName) =>
        name.StartsWith($".{finalName}.", StringComparison.Ordinal) &&
        (name.EndsWith(".partial", StringComparison.Ordinal) || name.EndsWith(".old", StringComparison.Ordinal));

    /// <summary>Writes a whole file through a staging sibling; the staging file is removed if writing fails.</summary>
    /// <exception cref="ModelPackException">MPK9006 when the file cannot be written.</exception>
    public static void WriteFile(string finalPath, Action<Stream> write)
    {
        string staging;
        try
        {
            staging = StagingPathFor(finalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, finalPath, e.Message);
        }

        try
        {
            using (var stream = new FileStream(staging, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            CommitFile(staging, finalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(staging);
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, finalPath, e.Message);
        }
        catch
        {
            File.Delete(staging);
            throw;
        }
    }

    public static void CommitFile(string staging, string finalPath) => File.Move(staging, Path.GetFullPath(finalPath), overwrite: true);

    /// <summary>
    /// Moves a finished folder into place, setting a previous one aside first. Two builds of one output racing here
    /// both succeed, the later one winning: a rename that finds the name taken again sets that one aside and retries.
    /// </summary>
    public static void CommitDirectory(string staging, string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        for (var attempt = 1; ; attempt++)
        {
            string? previous = null;
            try
            {
                if (Directory.Exists(full))
                {
                    previous = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{UniqueSuffix()}.old");
                    Directory.Move(full, previous);
                }

                Directory.Move(staging, full);
            }
            catch (Exception e) when (e is IOException && attempt < 10 && Directory.Exists(staging))
            {
                continue;
            }
            finally
            {
                if (previous is not null)
                {
                    RawPathFile.DeleteTree(previous); // a layout's files may have names that are not UTF-8
                }
            }

            return;
        }
    }

    // The process id says who left a sibling behind; the random part keeps two builds in one process (or a reused id) apart.
    private static string UniqueSuffix() => $"{Environment.ProcessId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    public static bool IsInside(string path, string directory)
    {
        var root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path == directory || path.StartsWith(root, StringComparison.Ordinal);
    }
}
