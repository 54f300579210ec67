using ModelPackTools.Content.Onnx;
using ModelPackTools.Core.Tests.Support;

namespace ModelPackTools.Core.Tests.Content.Onnx;

/// <summary>ONNX external-data locations must stay inside the model folder and name enough bytes.</summary>
public sealed class OnnxExternalDataRuleTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Theory]
    [InlineData("../../etc/passwd", "leaves")]
    [InlineData("/etc/passwd", "leaves")]
    [InlineData("missing.bin", "does not exist")]
    [InlineData("weights.bin", "needs")]
    public void UnsafeOrShortLocationsAreRefused(string location, string expected)
    {
        this.temp.Write("m/weights.bin", "0123");
        string? problem = OnnxExternalDataRule.Check(Path.Combine(this.temp.Path, "m"), location, 2, 8);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void InsideLocationWithEnoughBytesPasses()
    {
        this.temp.Write("m/weights.bin", "0123");
        Assert.Null(OnnxExternalDataRule.Check(Path.Combine(this.temp.Path, "m"), "weights.bin", 0, 4));
    }
}
