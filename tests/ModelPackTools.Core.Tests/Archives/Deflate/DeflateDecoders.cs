using System.IO.Compression;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace ModelPackTools.Tests.Archives.Deflate;

/// <summary>The two inflaters every segment must satisfy: the reader's (SharpZipLib) and zlib's (System.IO.Compression).</summary>
internal static class DeflateDecoders
{
    /// <summary>Ends the raw deflate stream the way the gzip writer does: the final empty fixed-Huffman block.</summary>
    public static byte[] Terminate(params byte[][] segments) => [.. segments.SelectMany(s => s), 0x03, 0x00];

    public static byte[] SharpZipLib(byte[] deflate, int expectedLength)
    {
        var inflater = new Inflater(noHeader: true);
        inflater.SetInput(deflate);
        var output = new byte[expectedLength + 1];
        var total = 0;
        while (!inflater.IsFinished)
        {
            var count = inflater.Inflate(output, total, output.Length - total);
            if (count == 0 && (inflater.IsNeedingInput || total == output.Length))
            {
                break;
            }

            total += count;
        }

        Assert.True(inflater.IsFinished, "SharpZipLib did not reach the final block");
        return output[..total];
    }

    public static byte[] Zlib(byte[] deflate)
    {
        using var input = new DeflateStream(new MemoryStream(deflate), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
