namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// The header of a dynamic-Huffman block (RFC 1951 section 3.2.7): the literal/length and distance code lengths
/// as one sequence, run-length coded with symbols 16 (repeat the previous length 3-6 times), 17 (3-10 zeros) and
/// 18 (11-138 zeros), and that sequence's own Huffman code (at most 7 bits), sent in the RFC's permuted order.
/// </summary>
internal sealed class CodeLengthHeader
{
    public const int MaxCodeLengthCodeLength = 7;

    /// <summary>The order in which the code-length code's lengths are sent (RFC 1951 section 3.2.7).</summary>
    private static ReadOnlySpan<byte> Order => [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    private readonly int literalCount;
    private readonly int distanceCount;
    private readonly List<(int Symbol, int Extra, int ExtraBits)> tokens;
    private readonly HuffmanCode code;
    private readonly int codeLengthCount;

    public CodeLengthHeader(byte[] literalLengths, byte[] distanceLengths)
    {
        this.literalCount = literalLengths.Length;
        this.distanceCount = distanceLengths.Length;
        this.tokens = RunLengths([.. literalLengths, .. distanceLengths]);
        Span<long> frequencies = stackalloc long[19];
        foreach (var token in this.tokens)
        {
            frequencies[token.Symbol]++;
        }

        this.code = HuffmanCode.Build(frequencies, MaxCodeLengthCodeLength);
        this.codeLengthCount = Order.Length;
        while (this.codeLengthCount > 4 && this.code.Lengths[Order[this.codeLengthCount - 1]] == 0)
        {
            this.codeLengthCount--;
        }

        long bits = 3 + 5 + 5 + 4 + (3 * this.codeLengthCount);
        foreach (var token in this.tokens)
        {
            bits += this.code.Lengths[token.Symbol] + token.ExtraBits;
        }

        this.LengthInBits = bits;
    }

    /// <summary>Bits from BFINAL up to the first data symbol.</summary>
    public long LengthInBits { get; }

    /// <summary>Writes BFINAL=0, BTYPE=10 and the code lengths.</summary>
    public void Write(ref DeflateBitWriter writer)
    {
        writer.Write(0b100, 3); // BFINAL=0, then BTYPE=2 (dynamic), LSB first
        writer.Write((ulong)(this.literalCount - 257), 5);
        writer.Write((ulong)(this.distanceCount - 1), 5);
        writer.Write((ulong)(this.codeLengthCount - 4), 4);
        for (var i = 0; i < this.codeLengthCount; i++)
        {
            writer.Write(this.code.Lengths[Order[i]], 3);
        }

        foreach (var (symbol, extra, extraBits) in this.tokens)
        {
            writer.Add(this.code.ReversedCodes[symbol], this.code.Lengths[symbol]);
            writer.Write((ulong)extra, extraBits);
        }
    }

    /// <summary>
    /// Greedy run-length coding of the lengths: runs of zeros take 18 then 17, other runs send the length once and
    /// repeat it with 16; runs too short for a repeat symbol are sent as they are.
    /// </summary>
    private static List<(int Symbol, int Extra, int ExtraBits)> RunLengths(byte[] lengths)
    {
        var tokens = new List<(int, int, int)>(lengths.Length); // at most one token per length: one allocation
        var i = 0;
        while (i < lengths.Length)
        {
            var value = lengths[i];
            var run = 1;
            while (i + run < lengths.Length && lengths[i + run] == value)
            {
                run++;
            }

            i += run;
            if (value == 0)
            {
                for (; run >= 11; run -= Math.Min(run, 138))
                {
                    tokens.Add((18, Math.Min(run, 138) - 11, 7));
                }

                if (run >= 3)
                {
                    tokens.Add((17, run - 3, 3));
                    run = 0;
                }
            }
            else
            {
                tokens.Add((value, 0, 0));
                run--;
                for (; run >= 3; run -= Math.Min(run, 6))
                {
                    tokens.Add((16, Math.Min(run, 6) - 3, 2));
                }
            }

            for (; run > 0; run--)
            {
                tokens.Add((value, 0, 0));
            }
        }

        return tokens;
    }
}
