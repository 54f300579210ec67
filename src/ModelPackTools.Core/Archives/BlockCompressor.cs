using System.Buffers;
using ModelPackTools.Archives.Deflate;
using ModelPackTools.Hashing;

namespace ModelPackTools.Archives;

/// <summary>
/// The work done for one block on a worker thread: its CRC, then a raw deflate segment that ends on a byte
/// boundary (a sync flush, 00 00 FF FF) and is not final, so segments concatenate into one deflate stream.
/// A block that would not shrink gets no segment and is written as stored blocks.
/// </summary>
/// <remarks>
/// Nothing here calls the runtime's zlib-ng: blocks that <see cref="HuffmanProbe"/> finds are not worth string
/// matching (float weights) go through the project's own literals-only coder, the others through its own LZ77
/// coder. Both are plain C# whose bytes do not depend on hardware features, so the bytes are a pure function of the
/// input, the level and the tool version, on every machine and runtime.
/// </remarks>
internal static class BlockCompressor
{
    /// <summary>
    /// The deflate that writes the archive, for <see cref="Requests.FactsOrigin"/>: the project's own coders, whose
    /// format version changes whenever their bytes would. 2: text blocks through the own LZ77 coder, not SharpZipLib.
    /// 3: the probe skips LZ77 costing where few 4-byte strings repeat (<see cref="HuffmanProbe"/>), which could choose
    /// the literal coder for a block that version 2 matched (none of the golden tests' blocks, nor the bench's).
    /// </summary>
    public static string Implementation => "modelpack deflate 3";

    public static void Compress(GzipBlock block, int level, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var data = block.Data;
        block.Crc = Crc32.Compute(data);
        if (level == 0 || data.IsEmpty)
        {
            return;
        }

        if (HuffmanProbe.PrefersHuffmanOnly(data, level))
        {
            CodeLiterals(block);
        }
        else
        {
            CodeWithMatching(block, level);
        }
    }

    private static void CodeLiterals(GzipBlock block)
    {
        // The size is exact before coding, so a block that would not shrink is never coded at all.
        var plan = LiteralBlockEncoder.Plan(block.Data);
        if (plan.SegmentLength >= block.Length)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(plan.SegmentLength + DeflateBitWriter.Slack);
        var length = LiteralBlockEncoder.Encode(block.Data, plan, buffer);
        block.SetSegment(buffer, length);
    }

    private static void CodeWithMatching(GzipBlock block, int level)
    {
        // Anything about as big as the input is no better than storing it. The buffer is the input's size, not a
        // few bytes more for the bit writer's slack: the pool would round 1 MiB + 8 up to a 2 MiB array.
        var buffer = ArrayPool<byte>.Shared.Rent(block.Length);
        var length = Lz77BlockEncoder.Encode(block.History, block.Data, level, buffer, Math.Min(block.Length, buffer.Length - DeflateBitWriter.Slack));
        if (length < 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return;
        }

        block.SetSegment(buffer, length);
    }
}
