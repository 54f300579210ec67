using System.Buffers;
using System.IO.Compression;
using System.Reflection;
using ModelPackTools.Hashing;

namespace ModelPackTools.Archives;

/// <summary>
/// The work done for one block on a worker thread: its CRC, then a raw deflate segment that ends on a byte
/// boundary (a sync flush, 00 00 FF FF) and is not final, so segments concatenate into one deflate stream.
/// A block that would not shrink gets no segment and is written as stored blocks.
/// </summary>
/// <remarks>
/// .NET 10 has no reusable deflate encoder (DeflateEncoder arrives in .NET 11) and its native shim exports no
/// deflateReset or deflateSetDictionary, so each block gets a DeflateStream; creating one costs about
/// 3 microseconds, noise next to the milliseconds a block takes.
/// </remarks>
internal static class BlockCompressor
{
    /// <summary>
    /// The deflate that writes the archive, for <see cref="Requests.FactsOrigin"/>: the runtime's zlib-ng, whose output
    /// depends on its version, which ships with System.IO.Compression.
    /// </summary>
    public static string Implementation { get; } =
        $"zlib-ng (System.IO.Compression {typeof(DeflateStream).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? typeof(DeflateStream).Assembly.GetName().Version?.ToString()})";

    // Small enough to stop soon after the output outgrows the input, large enough to keep calls cheap.
    private const int FeedLength = 64 * 1024;

    public static void Compress(GzipBlock block, int level, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var data = block.Data;
        block.Crc = Crc32.Compute(data);
        if (level == 0 || data.IsEmpty)
        {
            return;
        }

        var strategy = HuffmanProbe.PrefersHuffmanOnly(data, level)
            ? ZLibCompressionStrategy.HuffmanOnly
            : ZLibCompressionStrategy.Default;

        // Capacity = input length: anything bigger is no better than storing it.
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length);
        var sink = new BoundedBufferSink(buffer, data.Length);
        var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy };
        try
        {
            Deflate(block, options, sink, cancellationToken);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (sink.Overflowed)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return;
        }

        block.SetSegment(buffer, sink.Count);
    }

    private static void Deflate(GzipBlock block, ZLibCompressionOptions options, BoundedBufferSink sink, CancellationToken cancellationToken)
    {
        var data = block.Data;
        using (var deflate = new DeflateStream(sink, options, leaveOpen: true))
        {
            // Huffman-only coding never looks back, so history would be wasted work.
            if (options.CompressionStrategy != ZLibCompressionStrategy.HuffmanOnly && block.HistoryLength > 0)
            {
                deflate.Write(block.History);
                deflate.Flush();
                sink.Rewind();
            }

            for (var offset = 0; offset < data.Length && !sink.Overflowed; offset += FeedLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                deflate.Write(data.Slice(offset, Math.Min(FeedLength, data.Length - offset)));
            }

            // DeflateStream.Flush is Z_SYNC_FLUSH: byte-aligned, not final.
            deflate.Flush();
            sink.Seal();
        }
    }
}
