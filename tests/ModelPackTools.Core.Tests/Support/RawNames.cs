using System.Diagnostics;

namespace ModelPackTools.Core.Tests.Support;

/// <summary>
/// Files whose names are not UTF-8, made and inspected by Python with bytes names (os.fsencode), as a user's Latin-1
/// or KOI8-R tool would leave them; .NET itself cannot create, list or delete such names, so neither can the tests.
/// </summary>
internal static class RawNames
{
    /// <summary>Writes each file (a Python bytes literal for its path under <paramref name="root"/>, and its text).</summary>
    public static void Make(string root, params (string PythonBytes, string Content)[] files) => Run("python3", "-c", $$"""
        import os, sys
        root = os.fsencode(sys.argv[1])
        for name, data in [{{string.Join(", ", files.Select(f => $"({f.PythonBytes}, {PythonString(f.Content)})"))}}]:
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, 'wb').write(data.encode())
        """, root);

    /// <summary>Every entry under a folder as Python sees it: stored name bytes (repr), sorted, files with their contents.</summary>
    public static string Tree(string folder) => Run("python3", "-c", """
        import os, sys
        root = os.fsencode(sys.argv[1])
        for dirpath, dirs, files in sorted(os.walk(root)):
            for d in sorted(dirs):
                print(repr(os.path.relpath(os.path.join(dirpath, d), root)))
            for f in sorted(files):
                p = os.path.join(dirpath, f)
                print(repr(os.path.relpath(p, root)), repr(open(p, 'rb').read()))
        """, folder);

    public static void Remove(string path) => Run("rm", "-rf", path);

    public static string Run(string program, params string[] arguments) => RunWithCode(program, arguments) is (0, var output, _)
        ? output
        : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed");

    /// <summary>Runs a tool in the C locale (bytes, not text) and returns its exit code, output and errors.</summary>
    public static (int Code, string Output, string Errors) RunWithCode(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["LC_ALL"] = "C";
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static string PythonString(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
