using System.Buffers.Binary;
using System.Text;
using ModelPackTools.Content.Safetensors;

namespace ModelPackTools.Core.Tests.Content.Safetensors;

/// <summary>safetensors files built byte by byte: valid ones pass, overlapping or out-of-range offsets are refused.</summary>
public sealed class SafetensorsHeaderValidatorTests
{
    [Fact]
    public void ValidFileHasNoProblems()
    {
        byte[] file = Build("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"U8","shape":[4],"data_offsets":[8,12]},"__metadata__":{"format":"pt"}}""", 12);
        Assert.Empty(SafetensorsHeaderValidator.Validate(file, file.Length));
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12, "overlaps")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8, "out of")]
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "by shape")]
    [InlineData("""{"a":{"dtype":"Q4","shape":[2],"data_offsets":[0,8]}}""", 8, "unknown dtype")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8, "duplicate")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 8, "cover")]
    [InlineData("""{"__metadata__":{"n":1}}""", 0, "__metadata__")]
    public void BrokenHeadersAreRefused(string header, int dataLength, string expected)
    {
        byte[] file = Build(header, dataLength);
        Assert.Contains(SafetensorsHeaderValidator.Validate(file, file.Length), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void HeaderLengthBeyondTheFileIsRefused()
    {
        byte[] file = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(file, 1000);
        Assert.Single(SafetensorsHeaderValidator.Validate(file, file.Length));
    }

    private static byte[] Build(string header, int dataLength)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        byte[] file = new byte[8 + json.Length + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        return file;
    }
}
