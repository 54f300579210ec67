using System.ComponentModel;
using System.Diagnostics;

namespace ModelPackTools.Core.Tests.Support;

/// <summary>
/// The real tar readers people extract models with, run on the same bytes: GNU tar, bsdtar (libarchive), busybox tar
/// and Python's tarfile. A missing tool fails the test with how to install it; it never skips (.ci/run installs them).
/// </summary>
internal static class TarTools
{
    public static readonly string[] All = ["gnu", "bsdtar", "busybox", "python"];

    /// <summary>Lists the members one reader sees, as "name size uid" lines (or its error text when it fails).</summary>
    public static string[] List(string tool, byte[] archive)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("archive.tar");
        File.WriteAllBytes(path, archive);
        var (program, arguments) = tool switch
        {
            "gnu" => ("tar", new[] { "--numeric-owner", "-tvf", path }),
            "bsdtar" => ("bsdtar", new[] { "--numeric-owner", "-tvf", path }),
            "busybox" => ("busybox", new[] { "tar", "-tvf", path }),
            "python" => ("python3", new[] { "-c", "import sys, tarfile\nfor m in tarfile.open(sys.argv[1]): print(m.name, m.size, m.uid)", path }),
            _ => throw new ArgumentException(tool),
        };
        var output = Run(program, arguments);
        return tool == "python" ? output : output.Select(Normalise).ToArray();
    }

    /// <summary>Extracts with one reader into a fresh folder and returns whether it succeeded, with its messages.</summary>
    public static (bool Ok, string Errors) Extract(string tool, byte[] archive, string into)
    {
        var path = Path.Combine(into, "..", Path.GetFileName(into) + ".tar");
        File.WriteAllBytes(path, archive);
        var (program, arguments) = tool switch
        {
            "gnu" => ("tar", new[] { "-xf", path, "-C", into }),
            "python" => ("python3", new[] { "-c", "import sys, tarfile\ntarfile.open(sys.argv[1]).extractall(sys.argv[2], filter='data')", path, into }),
            _ => throw new ArgumentException(tool),
        };
        var start = Start(program, arguments);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode == 0, errors.Result);
    }

    private static string[] Run(string program, string[] arguments)
    {
        using var process = Process.Start(Start(program, arguments))!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries), .. errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(e => "ERROR " + e)];
    }

    private static ProcessStartInfo Start(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("sh", ["-c", $"command -v {program}"]) { RedirectStandardOutput = true })!;
            probe.WaitForExit();
            if (probe.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{program}' is not installed; these tests compare real tar readers (apt-get install -y tar libarchive-tools busybox python3)");
            }
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("no shell to look tools up with", e);
        }

        return start;
    }

    // "-rw-r--r-- 1000/0   5 1970-01-01 00:00 name" (GNU, busybox) and bsdtar's "-rw-r--r--  0 1000 0  5 Jan  1  1970 name"
    // both become "name size uid".
    private static string Normalise(string line)
    {
        if (line.StartsWith("ERROR ", StringComparison.Ordinal))
        {
            return line;
        }

        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 9 && !parts[1].Contains('/', StringComparison.Ordinal))
        {
            return $"{parts[8]} {parts[4]} {parts[2]}"; // bsdtar: mode links uid gid size month day year name
        }

        return parts.Length >= 6 ? $"{parts[^1]} {parts[2]} {parts[1].Split('/')[0]}" : line;
    }
}
