using System.Diagnostics;

namespace ModelPackTools.Cli.Tests;

/// <summary>
/// Packs the real ModelPackTools .nupkg (the tool) once per run and installs it with `dotnet tool install --tool-path`,
/// through a nuget.config that knows only that folder and an empty package cache, so the test exercises exactly
/// what users install (PackAsTool layout, RollForward, dependencies) and never a stale cached copy.
/// </summary>
public sealed class InstalledToolFixture : IDisposable
{
    private readonly string workspace = Directory.CreateTempSubdirectory("modelpack-tool-").FullName;

    public InstalledToolFixture()
    {
        var packages = Path.Combine(this.workspace, "packages");
        var project = Path.Combine(RepositoryPaths.Root, "src", "ModelPackTools.Cli", "ModelPackTools.Cli.csproj");
        Run("dotnet", $"pack \"{project}\" --no-build -c {RepositoryPaths.Configuration} -o \"{packages}\"", this.workspace);

        var config = Path.Combine(this.workspace, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(this.workspace, "tools");
        Run("dotnet", $"tool install ModelPackTools --tool-path \"{tools}\" --configfile \"{config}\"", this.workspace, ("NUGET_PACKAGES", Path.Combine(this.workspace, "nuget-cache")));
        this.ToolPath = Path.Combine(tools, OperatingSystem.IsWindows() ? "modelpack.exe" : "modelpack");
    }

    public string ToolPath { get; }

    public (int ExitCode, string Output, string Error) Invoke(params string[] args) => Run(this.ToolPath, args, RepositoryPaths.Root);

    /// <summary>
    /// Starts the tool, waits until a staging entry matching <paramref name="stagingPattern"/> appears in
    /// <paramref name="watchDirectory"/> (the work is then half done), and kills it without warning.
    /// Returns false if the tool finished before staging was seen.
    /// </summary>
    public bool KillWhileStaging(string watchDirectory, string stagingPattern, params string[] args)
    {
        var start = new ProcessStartInfo(this.ToolPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if (Directory.EnumerateFileSystemEntries(watchDirectory, stagingPattern).Any())
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return true;
            }

            Thread.Sleep(2);
        }

        process.WaitForExit();
        return false;
    }

    public void Dispose() => Directory.Delete(this.workspace, recursive: true);

    private static void Run(string file, string arguments, string workingDirectory, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (exitCode, output, error) = Execute(start);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({exitCode}):\n{output}\n{error}");
        }
    }

    private static (int, string, string) Run(string file, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Execute(start);
    }

    private static (int, string, string) Execute(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
