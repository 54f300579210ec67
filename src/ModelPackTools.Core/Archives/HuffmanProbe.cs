using System.IO.Compression;

namespace ModelPackTools.Archives;

/// <summary>
/// Decides per block whether LZ77 string matching earns its cost. On float weights it finds almost nothing:
/// zlib-ng's Huffman-only coding is about 3.5x faster than level 6 there and as small or smaller (0.9265 vs
/// 0.9267 of the input on normal float32). On text it is 8x worse, so the choice is measured, not assumed:
/// a few small slices spread over the block are compressed both ways and Huffman-only wins only if it is at most
/// 1/256 larger. The decision reads only the block's bytes, so it is the same for any thread count.
/// </summary>
internal static class HuffmanProbe
{
    private const int SliceCount = 4;
    private const int MaxSliceLength = 8 * 1024;
    private const int MinSliceLength = 1024;

    public static bool PrefersHuffmanOnly(ReadOnlySpan<byte> data, int level)
    {
        var sliceLength = Math.Min(MaxSliceLength, data.Length / SliceCount);
        if (sliceLength < MinSliceLength)
        {
            // Too little to judge; matching is the choice that never costs ratio.
            return false;
        }

        var stride = data.Length / SliceCount;
        long matched = 0;
        long huffmanOnly = 0;
        for (var i = 0; i < SliceCount; i++)
        {
            var slice = data.Slice(i * stride, sliceLength);
            matched += CompressedLength(slice, level, ZLibCompressionStrategy.Default);
            huffmanOnly += CompressedLength(slice, level, ZLibCompressionStrategy.HuffmanOnly);
        }

        return huffmanOnly <= matched + (matched / 256);
    }

    private static long CompressedLength(ReadOnlySpan<byte> data, int level, ZLibCompressionStrategy strategy)
    {
        var sink = new ByteCountingSink();
        var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy };
        using (var deflate = new DeflateStream(sink, options, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return sink.Count;
    }
}
