using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ModelPackTools.Build.Tests;

/// <summary>
/// The build step as a user meets it: a project made from the packed template, and a plain project that adds the
/// packed ModelPackTools.Build, each built with `dotnet build`; diagnostics read from MSBuild's own output.
/// </summary>
public sealed class BuildStepTests(PackedPackagesFixture packages) : IClassFixture<PackedPackagesFixture>
{
    private static readonly string SampleSpec = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "templates", "modelpack", "modelpack.json"))
        .Replace("\"$schema\": \"../../src/ModelPackTools.Core/Spec/modelpack.schema.json\",", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void A_project_from_the_template_builds_its_model()
    {
        var directory = this.NewDirectory();
        packages.Require("dotnet", directory, "new", "modelpack", "-n", "MyModel", "--format", "prefix");

        var output = packages.Require("dotnet", Path.Combine(directory, "MyModel"), "build");

        var artifacts = Path.Combine(directory, "MyModel", "bin", "Debug", "net10.0", "modelpack");
        Assert.True(File.Exists(Path.Combine(artifacts, "manifest.csv")), output);
        Assert.True(File.Exists(Path.Combine(artifacts, "create-model-package.json")), output);
        Assert.True(File.Exists(Path.Combine(artifacts, "model", "model.safetensors")), output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pytorch", "pytorch", "model.safetensors")]
    [InlineData("huggingface", "huggingface", "config.json")]
    [InlineData("tensorflow", "tensorflow-serving", "1/saved_model.pb")]
    [InlineData("triton", "triton", "classifier/1/model.onnx")]
    [InlineData("sklearn", "sklearn", "model.joblib")]
    [InlineData("xgboost", "xgboost", "xgboost-model")]
    public void Each_framework_of_the_template_is_a_layout_its_profile_accepts(string framework, string profile, string modelFile)
    {
        var directory = this.NewDirectory();
        packages.Require("dotnet", directory, "new", "modelpack", "-n", "M", "--framework", framework);
        var project = Path.Combine(directory, "M");

        var (exitCode, output) = packages.Run("dotnet", project, PackedPackagesFixture.ToolAssembly, "build", "--spec", "modelpack.json", "-o", "out");

        Assert.True(File.Exists(Path.Combine(project, "model", modelFile)));
        Assert.Equal(0, exitCode);
        Assert.Contains($"(profile {profile} ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning MPK7", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tar.gz", "model.tar.gz")]
    [InlineData("prefix", "manifest.csv")]
    public void A_plain_project_writes_the_same_bytes_as_the_tool(string format, string artifact)
    {
        var spec = format == "tar.gz" ? SampleSpec : SampleSpec
            .Replace("\"format\": \"tar.gz\"", "\"format\": \"prefix\"", StringComparison.Ordinal)
            .Replace("modelpack-sample/model.tar.gz", "modelpack-sample/", StringComparison.Ordinal)
            .Replace("\"transformInstanceTypes\": [\"ml.m5.large\"],", string.Empty, StringComparison.Ordinal);
        var project = this.PlainProject(spec);

        packages.Require("dotnet", project, "build");
        packages.Require("dotnet", project, PackedPackagesFixture.ToolAssembly, "build", "--spec", "modelpack.json", "-o", "cli-out");

        var msbuild = Path.Combine(project, "bin", "Debug", "net10.0", "modelpack");
        var cli = Path.Combine(project, "cli-out");
        foreach (var file in new[] { artifact, "create-model-package.json" })
        {
            Assert.Equal(Sha256(Path.Combine(cli, file)), Sha256(Path.Combine(msbuild, file)));
        }

        Assert.Equal(ETag(cli), ETag(msbuild));
        Assert.NotNull(ETag(cli));
    }

    [Fact]
    public void A_spec_typo_fails_the_build_at_its_line()
    {
        var project = this.PlainProject(SampleSpec.Replace("\"format\":", "\"fromat\":", StringComparison.Ordinal));

        var (exitCode, output) = packages.Run("dotnet", project, "build");

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"modelpack\.json\(\d+,\d+\): error MPK6\d{3}: .*fromat", output);
    }

    [Fact]
    public void A_link_leaving_the_model_folder_fails_the_build_naming_the_file()
    {
        var project = this.PlainProject(SampleSpec);
        File.WriteAllText(Path.Combine(project, "secret.txt"), "outside the model");
        File.CreateSymbolicLink(Path.Combine(project, "model", "leak.txt"), Path.Combine("..", "secret.txt"));

        var (exitCode, output) = packages.Run("dotnet", project, "build");

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"model/leak\.txt ?: error MPK2\d{3}: ", output);
        Assert.False(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "modelpack", "model.tar.gz")));
    }

    [Fact]
    public void A_pickle_that_imports_an_unreviewed_name_fails_the_build_until_the_import_is_allowed_and_the_coverage_is_logged()
    {
        var project = this.PlainProject(SampleSpec);
        // Protocol 4, STACK_GLOBAL argparse.Namespace, EMPTY_TUPLE, NEWOBJ, STOP: nothing dangerous, but not reviewed.
        byte[] pickle = [0x80, 4, 0x8c, 8, .. "argparse"u8, 0x8c, 9, .. "Namespace"u8, 0x93, (byte)')', 0x81, (byte)'.'];
        File.WriteAllBytes(Path.Combine(project, "model", "extra.pkl"), pickle);

        var (refusedCode, refused) = packages.Run("dotnet", project, "build");
        var (allowedCode, allowed) = packages.Run("dotnet", project, "build", "-v:d", "-p:ModelPackAllowImports=argparse.Namespace");

        Assert.NotEqual(0, refusedCode);
        Assert.Matches(@"model/extra\.pkl ?: error MPK4001: .*argparse\.Namespace", refused);
        Assert.Equal(0, allowedCode);
        Assert.DoesNotContain("MPK4001", allowed, StringComparison.Ordinal);

        // The coverage line check prints, as a low-importance message: in a detailed log, not in a normal one.
        Assert.Matches(@"ModelPack: content: [^\n]*pickle \d", allowed);
        Assert.DoesNotContain("ModelPack: content:", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningsAsErrors_with_an_MPK_code_turns_a_stray_file_into_a_failure()
    {
        // No spec: the model folder is packed with the defaults, which keep .DS_Store and warn about it.
        var project = this.PlainProject(spec: null);
        File.WriteAllText(Path.Combine(project, "model", ".DS_Store"), "debris");

        var (warnCode, warned) = packages.Run("dotnet", project, "build");
        var (failCode, failed) = packages.Run("dotnet", project, "build", "-p:WarningsAsErrors=MPK3005");
        var (againCode, _) = packages.Run("dotnet", project, "build", "-p:WarningsAsErrors=MPK3005");

        Assert.Equal(0, warnCode);
        Assert.Matches(@"model/\.DS_Store ?: warning MPK3005: ", warned);
        Assert.NotEqual(0, failCode);
        Assert.Matches(@"model/\.DS_Store ?: error MPK3005: ", failed);
        Assert.NotEqual(0, againCode); // a failed step is never up to date
    }

    [Fact]
    public void Without_a_spec_ModelPackFile_items_choose_what_is_packed()
    {
        var project = this.PlainProject(spec: null, items: """<ModelPackFile Include="model/config.json;model/code/**" />""");

        packages.Require("dotnet", project, "build");

        var archive = Path.Combine(project, "bin", "Debug", "net10.0", "modelpack", "model.tar.gz");
        Assert.Equal(["code/", "code/inference.py", "code/requirements.txt", "config.json"], Members(archive));
    }

    [Fact]
    public void A_second_build_does_no_work_and_touching_a_model_file_or_cleaning_rebuilds()
    {
        var project = this.PlainProject(SampleSpec);
        packages.Require("dotnet", project, "build");
        var facts = Path.Combine(project, "bin", "Debug", "net10.0", "modelpack", "facts.json");
        var first = File.GetLastWriteTimeUtc(facts);

        var second = packages.Require("dotnet", project, "build", "-v:n");
        File.SetLastWriteTimeUtc(Path.Combine(project, "model", "config.json"), DateTime.UtcNow.AddSeconds(5));
        var third = packages.Require("dotnet", project, "build", "-v:n");
        packages.Require("dotnet", project, "clean");
        var afterClean = packages.Require("dotnet", project, "build", "-v:n");

        Assert.Contains("Skipping target \"_ModelPackRun\" because all output files are up-to-date", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Skipping target \"_ModelPackRun\"", third, StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(facts) > first);
        Assert.DoesNotContain("Skipping target \"_ModelPackRun\"", afterClean, StringComparison.Ordinal);
    }

    // Below the fixture's workspace, so NuGet finds its nuget.config before any other.
    private string NewDirectory() => Directory.CreateDirectory(Path.Combine(packages.Workspace, "case-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    // The sample model in a project that adds ModelPackTools.Build, with the sample's spec (or none).
    private string PlainProject(string? spec, string items = "")
    {
        var project = this.NewDirectory();
        CopyFolder(RepositoryPaths.SampleModel, Path.Combine(project, "model"));
        if (spec is not null)
        {
            File.WriteAllText(Path.Combine(project, "modelpack.json"), spec);
        }

        File.WriteAllText(Path.Combine(project, "Model.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <EnableDefaultItems>false</EnableDefaultItems>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ModelPackTools.Build" Version="*" PrivateAssets="all" />
                {{items}}
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string[] Members(string archive)
    {
        using var reader = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return [.. names];
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    // The archive's ETag, or the manifest's for a prefix.
    private static string? ETag(string output)
    {
        var facts = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "facts.json"))).RootElement;
        return (facts.TryGetProperty("ModelDataETag", out var etag) ? etag : facts.GetProperty("ManifestEtag")).GetString();
    }
}
