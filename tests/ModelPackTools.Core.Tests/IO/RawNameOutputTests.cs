using System.Runtime.Versioning;
using ModelPackTools.Build;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.IO;

/// <summary>
/// Every writer that reads or removes a file whose name is not UTF-8 does it by the stored bytes (issue 10): hashing,
/// the build's look for an earlier build, and the removal of a replaced or failed output. The names are made by
/// Python as raw bytes.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RawNameOutputTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose()
    {
        RawNames.Remove(this.work.Path);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(0)] // single PUT: the whole file in order (MD5 of all of it)
    [InlineData(5)] // multipart with 5 MiB parts: parts read at their offsets, in parallel
    public async Task A_file_whose_name_is_not_utf8_is_hashed_like_the_same_bytes_under_a_utf8_name(int partMiB)
    {
        var content = new string('w', (6 << 20) + 17);
        this.work.Write("cafe.bin", content);
        RawNames.Run("python3", "-c", "import os, shutil, sys\nshutil.copy(sys.argv[1], os.path.join(os.fsencode(sys.argv[2]), b'caf\\xe9.bin'))", this.work.Combine("cafe.bin"), this.work.Path);
        var raw = RawNameText.Decode([.. "caf"u8, 0xE9, .. ".bin"u8], out _);
        var options = new FingerprintOptions(FingerprintKinds.ETag, partMiB == 0 ? PartSizePolicy.SinglePut : PartSizePolicy.Fixed(partMiB << 20)) { MaxDegreeOfParallelism = 2 };

        var ours = await Fingerprinter.ComputeManyAsync([this.work.Combine(raw)], options);
        var reference = await Fingerprinter.ComputeAsync(this.work.Combine("cafe.bin"), options);

        Assert.Equal(reference.ETag, ours[0].ETag);
        Assert.Equal(partMiB != 0, ours[0].ETag!.TrimEnd('"').EndsWith("-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_earlier_builds_output_in_a_folder_whose_name_is_not_utf8_is_left_out()
    {
        this.work.Write("m/weights.bin");
        RawNames.Make(this.work.Combine("m"), ("b'old\\xe9/report.json'", "{ \"tool\": \"modelpack\" }"));
        var spec = new ModelPackSpec { BaseDirectory = this.work.Path, Source = "m" };

        var result = await BuildPipeline.RunAsync(spec, this.work.Combine("out"), Writers.Build);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal([(@"old\xe9", BuildExclusions.EarlierBuildReason)], result.Excluded.Select(e => (RawNameText.Display(e.Path), e.Reason)));
    }

    [Fact]
    public void A_layout_replacing_one_with_names_that_are_not_utf8_leaves_nothing_of_it()
    {
        this.work.Write("model/weights.bin", "new");
        var output = this.work.Combine("layout");
        RawNames.Make(output, ("b'caf\\xe9.txt'", "old"), ("b'd\\xe9/\\xd0\\xd2.txt'", "old"));

        var result = Writers.LayOut(this.work.Combine("model"), output, LayoutMode.Copy);

        Assert.NotNull(result.OutputPath);
        Assert.Equal("b'weights.bin' b'new'\n", RawNames.Tree(output));
        Assert.Equal(["layout", "model"], Directory.GetFileSystemEntries(this.work.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Init_reads_past_a_requirements_txt_in_a_folder_whose_name_is_not_utf8()
    {
        this.work.Write("m/model.pth", "w");
        RawNames.Make(this.work.Combine("m"), ("b'old\\xe9/requirements.txt'", "torch"));

        var spec = SpecTemplate.Render(this.work.Combine("m"), this.work.Path);

        Assert.Contains("PYTORCH", spec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_a_local_layout_sees_a_file_whose_name_is_not_utf8_and_prints_it_escaped()
    {
        this.work.Write("layout/a.txt", "a");
        RawNames.Make(this.work.Combine("layout"), ("b'caf\\xe9.txt'", "x"));

        var observed = await LocalTreeObserver.ObserveAsync(this.work.Combine("layout"), [], maxDegreeOfParallelism: 1);
        var extra = Assert.Single(observed, o => RawNameText.HasRawBytes(o.Path));

        Assert.Equal(@"caf\xe9.txt: extra (not in the manifest; SageMaker would deploy it)", new ManifestDifference(extra.Path, ManifestDifferenceKind.Extra).ToString());
    }

    [Fact]
    public void DeleteTree_removes_names_that_are_not_utf8_and_does_not_follow_links()
    {
        var outside = this.work.Write("outside/keep.txt", "keep");
        var tree = this.work.Combine("tree");
        RawNames.Make(tree, ("b'caf\\xe9.txt'", "x"), ("b'd\\xe9/e\\xe8/deep.bin'", "y"), ("b'plain/ok.txt'", "z"));
        File.CreateSymbolicLink(Path.Combine(tree, "plain", "link"), Path.GetDirectoryName(outside)!);

        RawPathFile.DeleteTree(tree);
        RawPathFile.DeleteTree(tree); // gone already: not an error

        Assert.False(Directory.Exists(tree));
        Assert.Equal("keep", File.ReadAllText(outside));
    }
}
