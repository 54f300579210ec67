using System.Diagnostics;

namespace ModelPackTools.Build.Tests;

/// <summary>
/// Packs ModelPackTools.Build and ModelPackTools.Templates once per run into a temporary feed, with a nuget.config
/// that knows only that feed, an empty package cache and a CLI home of its own (where `dotnet new install` keeps its
/// templates; the template package is installed there once), so every project the tests build restores exactly what a
/// user would install.
/// </summary>
public sealed class PackedPackagesFixture : IDisposable
{
    public PackedPackagesFixture()
    {
        this.Workspace = Directory.CreateTempSubdirectory("modelpack-msbuild-").FullName;
        var feed = Path.Combine(this.Workspace, "feed");
        foreach (var project in new[] { "ModelPackTools.Tasks", "ModelPackTools.Templates" })
        {
            var path = Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
            this.Require("dotnet", this.Workspace, "pack", path, "--no-build", "-c", RepositoryPaths.Configuration, "-o", feed);
        }

        this.TemplatePackage = Directory.GetFiles(feed, "ModelPackTools.Templates.*.nupkg").Single();
        File.WriteAllText(Path.Combine(this.Workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // Once: `dotnet new install` refuses a package that is already installed in this CLI home.
        this.Require("dotnet", this.Workspace, "new", "install", this.TemplatePackage);
    }

    /// <summary>Holds nuget.config; tests create their projects below it, so NuGet finds that config first.</summary>
    public string Workspace { get; }

    public string TemplatePackage { get; }

    /// <summary>The same build's tool, run with `dotnet`, to compare its output with the build step's.</summary>
    public static string ToolAssembly => Path.Combine(RepositoryPaths.Root, "src", "ModelPackTools.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "modelpack.dll");

    public (int ExitCode, string Output) Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["NUGET_PACKAGES"] = Path.Combine(this.Workspace, "nuget-cache");
        start.Environment["DOTNET_CLI_HOME"] = Path.Combine(this.Workspace, "home");
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public string Require(string program, string directory, params string[] arguments)
    {
        var (exitCode, output) = this.Run(program, directory, arguments);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
    }

    public void Dispose() => Directory.Delete(this.Workspace, recursive: true);
}
