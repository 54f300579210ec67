namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// Codes a block as one dynamic-Huffman deflate block of literals only (what zlib calls Z_HUFFMAN_ONLY), then a
/// sync flush (an empty stored block: 3 bits, padding, 00 00 FF FF) so the segment ends on a byte boundary, is not
/// final, and concatenates with the next one into one deflate stream. This is the case for float weights, where
/// LZ77 finds nearly nothing and an entropy coder is all that pays.
/// </summary>
/// <remarks>
/// The size is known exactly from the histogram before a bit is written (<see cref="LiteralBlockPlan.SegmentLength"/>),
/// so the caller can choose stored blocks instead without encoding first. The output is a pure function of the
/// bytes: no SIMD, no platform-dependent code path.
/// </remarks>
internal static class LiteralBlockEncoder
{
    public const int MaxCodeLength = 15;

    public const int EndOfBlock = 256;

    /// <summary>The sync flush's bytes after its 3 header bits and padding.</summary>
    private static ReadOnlySpan<byte> SyncFlushMarker => [0x00, 0x00, 0xFF, 0xFF];

    public static LiteralBlockPlan Plan(ReadOnlySpan<byte> data)
    {
        Span<long> frequencies = stackalloc long[EndOfBlock + 1];
        frequencies.Clear();
        Histogram.Count(data, frequencies);
        frequencies[EndOfBlock] = 1;
        var literals = HuffmanCode.Build(frequencies, MaxCodeLength);

        // Literals only: no distance is ever sent, but like zlib's build_tree we give two distance codes one bit
        // each, because some inflaters reject a block whose distance code is empty or has a single symbol.
        var distances = HuffmanCode.FromLengths([1, 1]);
        var header = new CodeLengthHeader(literals.Lengths, distances.Lengths);
        var codeBits = literals.CostInBits(frequencies);
        var bits = header.LengthInBits + codeBits + 3; // + the sync flush's stored header
        var segmentLength = checked((int)((bits + 7) / 8) + SyncFlushMarker.Length);
        return new LiteralBlockPlan(literals, header, segmentLength, codeBits - literals.Lengths[EndOfBlock]);
    }

    /// <summary>
    /// Writes the segment; <paramref name="output"/> must hold <see cref="LiteralBlockPlan.SegmentLength"/> plus
    /// <see cref="DeflateBitWriter.Slack"/> bytes. Returns the segment length.
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> data, LiteralBlockPlan plan, Span<byte> output)
    {
        var writer = new DeflateBitWriter(output);
        plan.Header.Write(ref writer);
        writer.WriteCodes(data, plan.Table, plan.MaxLength, plan.DataBits);
        writer.Write(plan.Literals.ReversedCodes[EndOfBlock], plan.Literals.Lengths[EndOfBlock]);
        writer.Write(0, 3); // BFINAL=0, BTYPE=00: the empty stored block of a sync flush
        writer.AlignToByte();
        writer.WriteBytes(SyncFlushMarker);
        return writer.Position;
    }
}
