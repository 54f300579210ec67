using System.IO.Compression;
using System.Text;
using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

/// <summary>Seeded inputs of the three kinds a model pack holds, and the helpers every gzip test needs.</summary>
internal static class GzipTestData
{
    public const int SmallBlock = 64 * 1024;

    private static readonly string[] Words =
        ["model", "weight", "layer", "\"tokenizer\"", "attention", "{", "}", "0.125", "config", "embedding", "\n"];

    public static byte[] Random(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>JSON-ish text, the kind LZ77 does well on.</summary>
    public static byte[] Text(int length, int seed = 2)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(' ');
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    /// <summary>float32 values from N(0, 0.02), like trained weights: little for LZ77, ~7% for Huffman coding.</summary>
    public static byte[] Weights(int length, int seed = 3)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        var floats = new float[(length / 4) + 1];
        for (var i = 0; i < floats.Length; i++)
        {
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            floats[i] = (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v) * 0.02);
        }

        Buffer.BlockCopy(floats, 0, bytes, 0, length);
        return bytes;
    }

    public static byte[] Compress(ReadOnlySpan<byte> data, ParallelGzipOptions options, int chunk = 100_000)
    {
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, options, leaveOpen: true))
        {
            for (var offset = 0; offset < data.Length; offset += chunk)
            {
                gzip.Write(data.Slice(offset, Math.Min(chunk, data.Length - offset)));
            }
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>What a block costs when stored: 5 bytes per 65535 of data.</summary>
    public static long StoredSize(long length, int blockSize)
    {
        long total = 0;
        for (var offset = 0L; offset < length; offset += blockSize)
        {
            var block = Math.Min(blockSize, length - offset);
            total += block + (5 * ((block + 65534) / 65535));
        }

        return total;
    }

    /// <summary>Header, final empty block, trailer.</summary>
    public const int Framing = 10 + 2 + 8;
}
