using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Packing;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>
/// PyTorch-style ZIPs built byte by byte: data.pkl is scanned wherever the file is read (a folder, a tar.gz member),
/// the benign state dict passes, and the tricks that make two ZIP readers disagree are refused.
/// </summary>
public sealed class ZipScanTests : IDisposable
{
    private static readonly byte[] Subprocess = ModelFiles.Latin1("csubprocess\nPopen\n(S'id'\ntR.");

    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_torch_zip_whose_data_pkl_imports_subprocess_is_refused()
    {
        var check = this.Check(ZipBuilder.Torch(Subprocess).Build());

        var finding = Assert.Single(check.Report.Diagnostics);
        Assert.Equal(("MPK4002", "model.pt"), (finding.Code, finding.Path));
        Assert.Equal("pickle imports 'subprocess.Popen' at byte 0: runs processes (in archive/data.pkl)", finding.Message);
    }

    [Fact]
    public void A_torch_state_dict_zip_passes()
    {
        Assert.Empty(this.Check(ZipBuilder.Torch(ModelFiles.TorchStateDict, "0").Build()).Report.Diagnostics);
    }

    [Fact]
    public void A_storage_key_without_its_record_is_refused()
    {
        var finding = Assert.Single(this.Check(ZipBuilder.Torch(ModelFiles.TorchStateDict).Build()).Report.Diagnostics);

        Assert.Equal(("MPK4007", "'archive/data.pkl' refers to storage '0' at byte 115, but the archive has no record 'archive/data/0'"), (finding.Code, finding.Message));
    }

    [Fact]
    public void A_torch_zip_inside_a_tar_gz_is_scanned_from_the_stream()
    {
        this.Write("m/model.pt", ZipBuilder.Torch(Subprocess).Build());
        var archive = this.temp.Combine("model.tar.gz");
        ModelPacker.Pack(ModelChecker.CheckFolder(this.temp.Combine("m"), new CheckSettings { ContentInspectors = [], Mode = ExtractionMode.S3ObjectGzip }), archive, new PackOptions());

        var check = ModelChecker.Check(archive, new CheckSettings());

        Assert.Equal("MPK4002", Assert.Single(check.Report.Diagnostics).Code);
    }

    [Fact]
    public void A_local_header_that_names_another_file_is_refused()
    {
        var zip = new ZipBuilder().Add("archive/data.pkl", ModelFiles.TorchStateDict, localName: "archive/data.pkX").Build();

        Assert.Equal("zip: the local header of 'archive/data.pkl' names 'archive/data.pkX'", Assert.Single(this.Check(zip).Report.Diagnostics).Message);
    }

    [Theory]
    [InlineData("duplicate", "appears twice")]
    [InlineData("crc", "fails its CRC-32")]
    [InlineData("encrypted", "is encrypted")]
    [InlineData("flags", "unusual flag bits")]
    [InlineData("prefix", "data before the first member")]
    public void Tricks_that_make_zip_readers_disagree_are_refused(string trick, string expected)
    {
        var zip = trick switch
        {
            "duplicate" => ZipBuilder.Torch(ModelFiles.TorchStateDict).Add("archive/data.pkl", Subprocess),
            "crc" => new ZipBuilder().Add("archive/data.pkl", ModelFiles.TorchStateDict, crc: 1),
            "encrypted" => new ZipBuilder().Add("archive/data.pkl", ModelFiles.TorchStateDict, flags: 1),
            "flags" => new ZipBuilder().Add("archive/data.pkl", ModelFiles.TorchStateDict, flags: 0x10),
            _ => new ZipBuilder { Prefix = ModelFiles.Latin1("PK\x03\x04 junk") }.Add("archive/data.pkl", ModelFiles.TorchStateDict),
        };

        var finding = Assert.Single(this.Check(zip.Build()).Report.Diagnostics);
        Assert.Equal("MPK4005", finding.Code);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_zip_is_refused()
    {
        var zip = ZipBuilder.Torch(ModelFiles.TorchStateDict).Build();

        var finding = Assert.Single(this.Check(zip[..^10]).Report.Diagnostics);
        Assert.Equal("zip: no end-of-central-directory record (truncated, or data after the archive)", finding.Message);
    }

    private ModelCheck Check(byte[] zip)
    {
        this.Write("m/model.pt", zip);
        return ModelChecker.Check(this.temp.Combine("m"), new CheckSettings());
    }

    private void Write(string relative, byte[] bytes)
    {
        var full = this.temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
