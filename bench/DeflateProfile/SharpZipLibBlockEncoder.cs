using ICSharpCode.SharpZipLib.Zip.Compression;

namespace DeflateProfile;

/// <summary>
/// What coded text blocks before the project's own matcher (kept here to compare against): LZ77 string matching through SharpZipLib's deflate engine (pure managed code, so the same
/// bytes on every machine and runtime), for text, where matching pays 2-8x. The engine is driven directly rather than
/// through its Deflater, which refuses a preset dictionary without a zlib header and whose flush does not end on a
/// byte boundary: the engine flushes its last block as not final, then this class writes a sync flush itself.
/// </summary>
/// <remarks>
/// A fresh engine per block: its window is not cleared by Reset, and the output must not depend on what a worker
/// thread compressed before. Its arrays are each under the large-object threshold, so this is cheap gen-0 garbage.
/// </remarks>
internal static class SharpZipLibBlockEncoder
{
    /// <summary>
    /// Writes the segment into <paramref name="output"/> and returns its length, or -1 when it would not fit in
    /// <paramref name="capacity"/> bytes (the block does not shrink and is better stored).
    /// </summary>
    public static int Encode(ArraySegment<byte> data, ArraySegment<byte> history, int level, byte[] output, int capacity)
    {
        var pending = new DeflaterPending();
        var engine = new DeflaterEngine(pending, noAdlerCalculation: true) { Strategy = DeflateStrategy.Default };
        engine.SetLevel(level);
        if (history.Count > 0)
        {
            // History primes the window and hash chains without producing output, as deflateSetDictionary does.
            engine.SetDictionary(history.Array!, history.Offset, history.Count);
        }

        engine.SetInput(data.Array!, data.Offset, data.Count);
        var count = 0;
        bool progress;
        do
        {
            progress = engine.Deflate(flush: true, finish: false);
            count += pending.Flush(output, count, capacity - count);
            if (!pending.IsFlushed)
            {
                return -1;
            }
        }
        while (progress || !engine.NeedsInput());

        // Sync flush (zlib's Z_SYNC_FLUSH): an empty stored block, BFINAL=0, padded, then LEN=0 and NLEN=0xFFFF.
        pending.WriteBits(0, 3);
        pending.AlignToByte();
        pending.WriteShort(0x0000);
        pending.WriteShort(0xFFFF);
        count += pending.Flush(output, count, capacity - count);
        return pending.IsFlushed ? count : -1;
    }
}
