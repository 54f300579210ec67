using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using ICSharpCode.SharpZipLib.GZip;
using ICSharpCode.SharpZipLib.Zip.Compression;
using ICSharpCode.SharpZipLib.Zip.Compression.Streams;

namespace ModelPackTools.Core.Tests.Content.Joblib;

/// <summary>joblib's compressed files: zlib, gzip, bz2 and the old 'ZF' form are decoded and judged; xz and lz4 are refused.</summary>
public sealed class JoblibCompressionTests
{
    private static readonly byte[] Payload = PickleBuilder.Proto(4).StackGlobal("os", "system").Text("id").Tuple1().Reduce().Stop();

    [Fact]
    public void A_zlib_compressed_scikit_learn_dump_passes()
    {
        Assert.Empty(PickleBuilder.Scan("model.joblib", Zlib(JoblibFiles.LinearRegression())));
    }

    [Theory]
    [InlineData("zlib")]
    [InlineData("gzip")]
    [InlineData("bz2")]
    [InlineData("zf")]
    public void A_payload_inside_each_decoded_compression_is_refused(string kind)
    {
        byte[] file = kind switch
        {
            "zlib" => Zlib(Payload),
            "gzip" => Compress(Payload, s => new GZipOutputStream(s)),
            "bz2" => Compress(Payload, s => new BZip2OutputStream(s)),
            _ => [.. "ZF"u8, .. Encoding.ASCII.GetBytes($"0x{Payload.Length:X}".PadRight(19)), .. Zlib(Payload)],
        };

        var finding = Assert.Single(PickleBuilder.Scan("model.joblib", file));

        Assert.Equal("MPK4002", finding.Code);
        Assert.EndsWith("-compressed joblib stream)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_that_is_not_a_pickle_is_not_reported()
    {
        Assert.Empty(PickleBuilder.Scan("vocab.txt.gz", Compress("hello\nworld\n"u8.ToArray(), s => new GZipOutputStream(s))));
    }

    [Fact]
    public void A_truncated_compressed_pickle_fails_closed()
    {
        byte[] file = Zlib(JoblibFiles.LinearRegression());

        Assert.Equal(["MPK4003"], PickleBuilder.Scan("model.joblib", file[..^10]).Select(f => f.Code));
    }

    [Theory]
    [InlineData(new byte[] { 0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0, 0, 4 })]
    [InlineData(new byte[] { 0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7 })]
    public void Xz_and_lz4_pickles_cannot_be_scanned_and_say_so(byte[] head)
    {
        Assert.Equal(["MPK4011"], PickleBuilder.Scan("model.pkl.xz", [.. head, .. new byte[32]]).Select(f => f.Code));
        Assert.Empty(PickleBuilder.Scan("archive.bin", [.. head, .. new byte[32]]));
    }

    private static byte[] Zlib(byte[] data) => Compress(data, s => new DeflaterOutputStream(s, new Deflater(3)));

    private static byte[] Compress(byte[] data, Func<Stream, Stream> open)
    {
        var output = new MemoryStream();
        using (var stream = open(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }
}
