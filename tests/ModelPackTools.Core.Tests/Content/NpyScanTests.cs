using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>.npy files built byte by byte: an object array warns and its pickle is scanned; a plain array costs nothing.</summary>
public sealed class NpyScanTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void An_object_array_warns_and_its_pickle_is_scanned()
    {
        var findings = this.Check(ModelFiles.Npy("'|O'", ModelFiles.OsSystemGlobal));

        Assert.Equal(["MPK4008", "MPK4002"], findings.Select(d => d.Code));
        Assert.Equal("pickle imports 'os.system' at byte 0: runs processes (after the 128-byte .npy header)", findings[1].Message);
    }

    [Fact]
    public void An_object_field_in_a_structured_dtype_counts()
    {
        var findings = this.Check(ModelFiles.Npy("[('a', '<f4'), ('b', '|O')]", ModelFiles.OsSystemGlobal));

        Assert.Equal(["MPK4008", "MPK4002"], findings.Select(d => d.Code));
    }

    [Fact]
    public void A_float_array_is_silent_and_its_data_is_not_judged()
    {
        Assert.Empty(this.Check(ModelFiles.Npy("'<f4'", ModelFiles.OsSystemGlobal[..8])));
    }

    [Fact]
    public void A_truncated_header_fails_closed()
    {
        var findings = this.Check(ModelFiles.Npy("'<f4'", [])[..20]);

        Assert.Equal("MPK4003", Assert.Single(findings).Code);
    }

    private IReadOnlyList<ModelPackTools.Diagnostics.Diagnostic> Check(byte[] npy)
    {
        Directory.CreateDirectory(this.temp.Combine("m"));
        File.WriteAllBytes(this.temp.Combine("m/array.npy"), npy);
        return ModelChecker.Check(this.temp.Combine("m"), new CheckSettings()).Report.Diagnostics;
    }
}
