using ModelPackTools.Build;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Extraction;
using ModelPackTools.IO;
using ModelPackTools.Options;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.Build;

/// <summary>What an incremental build needs: the files a build reads, a stable hash of the other options, unique staging names.</summary>
public sealed class BuildInputsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Inputs_are_the_spec_and_the_model_files_the_build_packs()
    {
        this.temp.Write("m/weights.bin");
        this.temp.Write("m/notes.tmp");
        var specPath = this.temp.Write("m/modelpack.json", "{\"exclude\": [\"*.tmp\"]}");
        this.temp.Write("m/modelpack.schema.json");
        var (spec, _) = SpecReader.Read(specPath);
        var output = this.temp.Combine("m/out");
        await BuildPipeline.RunAsync(spec!, output, Writers.Build);

        var inputs = BuildInputs.Files(spec!, output);

        Assert.Equal([specPath, this.temp.Combine("m/weights.bin")], inputs);
    }

    [Fact]
    public void Options_hash_is_stable_and_changes_with_every_option_that_changes_the_output()
    {
        var settings = new CheckSettings();
        var write = new WriteSettings { Threads = 1 };
        var hash = BuildInputs.OptionsHash(write, settings, "out");

        Assert.Equal(hash, BuildInputs.OptionsHash(write with { Threads = 8 }, settings, "out"));
        Assert.NotEqual(hash, BuildInputs.OptionsHash(write with { Level = 9 }, settings, "out"));
        Assert.NotEqual(hash, BuildInputs.OptionsHash(write with { ModificationTime = 0 }, settings, "out"));
        Assert.NotEqual(hash, BuildInputs.OptionsHash(write, settings with { Archive = new() { MaxCompressionRatio = 50 } }, "out"));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Staging_names_differ_between_builds_of_one_output_in_one_process()
    {
        var output = this.temp.Combine("out");

        var first = StagedOutput.StagingPathFor(output);
        var second = StagedOutput.StagingPathFor(output);

        Assert.NotEqual(first, second);
        Assert.True(StagedOutput.IsSiblingOf(Path.GetFileName(first), "out"));
        Assert.StartsWith($".out.{Environment.ProcessId}-", Path.GetFileName(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_builds_of_one_output_both_complete()
    {
        this.temp.Write("m/weights.bin", new string('w', 100_000));
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m" };
        var output = this.temp.Combine("out");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => BuildPipeline.RunAsync(spec, output, Writers.Build))));

        Assert.All(results, r => Assert.False(r.HasErrors));
        Assert.True(File.Exists(this.temp.Combine("out/model.tar.gz")));
        Assert.Equal(["m", "out"], Directory.GetFileSystemEntries(this.temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
