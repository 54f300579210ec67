using ModelPackTools.Archives;
using ModelPackTools.Build;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Packing;
using ModelPackTools.S3;
using ModelPackTools.Spec;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Engine;

/// <summary>
/// Every writer consumes the check it is given and never walks the model again: the folder is walked once, and a
/// file that appears after the check is not written (a second walk would have found it).
/// </summary>
public sealed class OneCheckFlowsIntoTheWritersTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public OneCheckFlowsIntoTheWritersTests()
    {
        this.temp.Write("m/weights.bin", "weights");
        this.temp.Write("m/code/inference.py", "print(1)");
    }

    private string Model => this.temp.Combine("m");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void Pack_writes_the_checked_tree_without_walking_the_folder_again()
    {
        using var walks = new WalkCounter(this.Model);
        var check = ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3ObjectGzip });
        this.temp.Write("m/late.bin", "appeared after the check");

        var result = ModelPacker.Pack(check, this.temp.Combine("m.tar.gz"), new PackOptions());

        Assert.True(result.Written);
        Assert.Equal(1, walks.Walks);
        Assert.Equal(["code", "code/inference.py", "weights.bin"], Members(this.temp.Combine("m.tar.gz")));
    }

    [Fact]
    public void Layout_writes_the_checked_tree_without_walking_the_folder_again()
    {
        using var walks = new WalkCounter(this.Model);
        var check = ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3PrefixNone });
        this.temp.Write("m/late.bin");

        var result = PrefixLayoutWriter.Write(check, this.temp.Combine("layout"), LayoutMode.Copy);

        Assert.Equal(2, result.Copied);
        Assert.Equal(1, walks.Walks);
        Assert.False(File.Exists(this.temp.Combine("layout/late.bin")));
    }

    [Fact]
    public async Task Manifest_lists_the_checked_objects_without_walking_the_folder_again()
    {
        using var walks = new WalkCounter(this.Model);
        var prefix = S3Location.Parse("s3://b/m/");
        var check = ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3PrefixNone, S3Uri = prefix });
        this.temp.Write("m/late.bin");

        var result = await ManifestBuilder.BuildAsync(check, prefix, this.temp.Combine("manifest.csv"), new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli));

        Assert.Equal(["code/inference.py", "weights.bin"], result.Rows.Select(r => r.Key));
        Assert.Equal(1, walks.Walks);
    }

    [Theory]
    [InlineData(ArtifactFormat.TarGz)]
    [InlineData(ArtifactFormat.Prefix)]
    public async Task A_build_walks_the_model_once(ArtifactFormat format)
    {
        using var walks = new WalkCounter(this.Model);
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m", Format = format, S3Uri = "s3://b/models/m/", ModelPackageGroupName = "g" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(1, walks.Walks);
    }

    [Fact]
    public void A_writer_refuses_a_check_of_another_mode_or_kind()
    {
        var prefixCheck = ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3PrefixNone });
        var archive = this.temp.Combine("m.tar.gz");
        ModelPacker.Pack(ModelChecker.CheckFolder(this.Model, new CheckSettings()), archive, new PackOptions());

        Assert.Throws<ArgumentException>(() => ModelPacker.Pack(prefixCheck, this.temp.Combine("x.tar.gz"), new PackOptions()));
        Assert.Throws<ArgumentException>(() => PrefixLayoutWriter.Write(ModelChecker.Check(archive, new CheckSettings { Mode = ExtractionMode.S3PrefixNone }), this.temp.Combine("l"), LayoutMode.Copy));
    }

    private static List<string> Members(string archive)
    {
        using var stream = File.OpenRead(archive);
        return TarArchiveReader.Read(stream, archive, new ArchiveReadOptions()).Entries.Select(e => e.Path.TrimEnd('/')).ToList();
    }
}
