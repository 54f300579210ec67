using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;

namespace ModelPackTools.Core.Tests.Content.Onnx;

/// <summary>
/// An `.onnx` member of a zip (a `.zip`, a torch archive) is read as a `.onnx` file is: MPK4020 when it is no
/// complete ModelProto, and its external data can never be resolved (no folder of /opt/ml/model holds it).
/// </summary>
public sealed class ZippedOnnxTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_zipped_model_with_inline_tensors_is_clean(bool deflate)
    {
        var zip = new ZipBuilder().Add("model/model.onnx", OnnxModels.Model(OnnxModels.Graph([OnnxModels.InlineTensor("w", 100_000)])).ToArray(), deflate: deflate);

        Assert.Empty(this.Check(zip.Build()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_truncated_zipped_model_is_mpk4020_naming_the_member(bool deflate)
    {
        var model = OnnxModels.Model(OnnxModels.Graph([OnnxModels.InlineTensor("w", 1000)])).ToArray();
        var zip = new ZipBuilder().Add("model.onnx", model[..^100], deflate: deflate);

        var finding = Assert.Single(this.Check(zip.Build()));
        Assert.Equal(("MPK4020", "bundle.zip"), (finding.Code, finding.Path));
        Assert.EndsWith("(in model.onnx)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_data_of_a_zipped_model_is_mpk4022_even_when_the_zip_holds_the_file()
    {
        var model = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "model.onnx.data", "0", "16"), OnnxModels.ExternalTensor("b", "model.onnx.data", "16", "4")])).ToArray();
        var zip = new ZipBuilder().Add("model.onnx", model).Add("model.onnx.data", new byte[20]);

        var finding = Assert.Single(this.Check(zip.Build()));
        Assert.Equal("MPK4022", finding.Code);
        Assert.Equal("external data of tensor 'w': 'model.onnx.data' cannot be resolved: a loader reads external data beside the file it opened, and this model is a member of a zip; 1 more like it (in model.onnx)", finding.Message);
    }

    [Fact]
    public void A_zipped_model_reading_etc_passwd_is_mpk4021()
    {
        var model = OnnxModels.Model(OnnxModels.Graph([OnnxModels.ExternalTensor("w", "../../etc/passwd", "0", "16")])).ToArray();

        var finding = Assert.Single(this.Check(new ZipBuilder().Add("model.onnx", model).Build()));
        Assert.Equal("MPK4021", finding.Code);
        Assert.Contains("at '../../etc/passwd' has a '..' segment", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zipped_model_with_a_wrong_crc_is_refused_when_deflated()
    {
        var model = OnnxModels.Identity();

        var finding = Assert.Single(this.Check(new ZipBuilder().Add("model.onnx", model, crc: 1, deflate: true).Build()));
        Assert.Equal(("MPK4005", "zip: 'model.onnx' fails its CRC-32"), (finding.Code, finding.Message));
    }

    [Fact]
    public void A_zipped_model_inside_a_torch_zip_member_is_followed()
    {
        var inner = new ZipBuilder().Add("model.onnx", [0x08, 0x08, 0x3a]).Build();

        var finding = Assert.Single(this.Check(new ZipBuilder().Add("nested.zip", inner).Build()));
        Assert.Equal("MPK4020", finding.Code);
        Assert.EndsWith("(in model.onnx) (in the member nested.zip)", finding.Message, StringComparison.Ordinal);
    }

    private IReadOnlyList<Diagnostic> Check(byte[] zip)
    {
        var path = this.temp.Combine("m/bundle.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, zip);
        return ModelChecker.Check(this.temp.Combine("m"), new CheckSettings()).Report.Diagnostics;
    }
}
