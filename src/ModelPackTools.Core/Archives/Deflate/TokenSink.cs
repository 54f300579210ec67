namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// Collects the matcher's literals and matches with their symbol frequencies and, every
/// <see cref="MaxTokens"/> tokens and at the end, writes them as one deflate block: dynamic Huffman with codes
/// built from that block's frequencies, or the fixed code when that is smaller (short inputs). The segment ends
/// with a sync flush, so it concatenates with other segments into one stream, as the literal coder's do.
/// </summary>
internal sealed class TokenSink
{
    /// <summary>Tokens per deflate block: zlib's lit_bufsize - 1 at its default memLevel 8, so blocks adapt as often.</summary>
    public const int MaxTokens = (1 << 14) - 1;

    private const int EndOfBlock = 256;

    private static readonly uint[] FixedLiterals = MergedTable(HuffmanCode.FromLengths(LengthDistanceCodes.FixedLiteralLengths()));
    private static readonly uint[] FixedDistances = MergedTable(HuffmanCode.FromLengths(LengthDistanceCodes.FixedDistanceLengths()));
    private static readonly byte[] FixedLiteralLengths = LengthDistanceCodes.FixedLiteralLengths();

    /// <summary>A literal is its byte value; a match is length &lt;&lt; 16 | distance (lengths start at 3, so above 255).</summary>
    private readonly uint[] tokens = new uint[MaxTokens];
    private readonly long[] literalFrequencies = new long[LengthDistanceCodes.LiteralLengthSymbols];
    private readonly long[] distanceFrequencies = new long[LengthDistanceCodes.DistanceSymbols];
    private int count;
    private byte[] output = [];
    private int capacity;
    private int position;
    private (ulong Bits, int Count) pending;
    private bool overflowed;

    /// <summary>Starts a segment in <paramref name="buffer"/>, which holds capacity + <see cref="DeflateBitWriter.Slack"/> bytes.</summary>
    public void Begin(byte[] buffer, int capacity)
    {
        this.output = buffer;
        this.capacity = capacity;
        this.position = 0;
        this.pending = (0, 0);
        this.overflowed = false;
        this.count = 0;
        Array.Clear(this.literalFrequencies);
        Array.Clear(this.distanceFrequencies);
    }

    public void Literal(byte value)
    {
        this.tokens[this.count++] = value;
        this.literalFrequencies[value]++;
        if (this.count == MaxTokens)
        {
            this.WriteBlock();
        }
    }

    public void Match(int length, int distance)
    {
        this.tokens[this.count++] = ((uint)length << 16) | (uint)distance;
        this.literalFrequencies[LengthDistanceCodes.LengthSymbol(length)]++;
        this.distanceFrequencies[LengthDistanceCodes.DistanceSymbol(distance)]++;
        if (this.count == MaxTokens)
        {
            this.WriteBlock();
        }
    }

    /// <summary>Writes the last block and the sync flush; returns the segment's length, or -1 if it outgrew the capacity.</summary>
    public int Finish()
    {
        if (this.count > 0)
        {
            this.WriteBlock();
        }

        if (this.overflowed || this.position + 6 > this.capacity)
        {
            return -1;
        }

        var writer = new DeflateBitWriter(this.output, this.position, this.pending);
        writer.Write(0, 3); // BFINAL=0, BTYPE=00: the empty stored block of a sync flush
        writer.AlignToByte();
        writer.WriteBytes([0x00, 0x00, 0xFF, 0xFF]);
        this.output = [];
        return writer.Position;
    }

    private static uint[] MergedTable(HuffmanCode code)
    {
        var table = new uint[code.Lengths.Length];
        for (var symbol = 0; symbol < table.Length; symbol++)
        {
            table[symbol] = code.ReversedCodes[symbol] | ((uint)code.Lengths[symbol] << 16);
        }

        return table;
    }

    private static byte[] Trimmed(byte[] lengths, int minimum)
    {
        var used = lengths.Length;
        while (used > minimum && lengths[used - 1] == 0)
        {
            used--;
        }

        return lengths[..used];
    }

    private void WriteBlock()
    {
        this.literalFrequencies[EndOfBlock] = 1;
        long extraBits = 0;
        for (var symbol = 257; symbol < LengthDistanceCodes.LiteralLengthSymbols; symbol++)
        {
            extraBits += this.literalFrequencies[symbol] * LengthDistanceCodes.LengthSymbolExtraBits(symbol);
        }

        long fixedBits = 3 + extraBits;
        for (var symbol = 0; symbol < LengthDistanceCodes.DistanceSymbols; symbol++)
        {
            extraBits += this.distanceFrequencies[symbol] * LengthDistanceCodes.DistanceExtraBits(symbol);
            fixedBits += this.distanceFrequencies[symbol] * (5 + LengthDistanceCodes.DistanceExtraBits(symbol));
        }

        for (var symbol = 0; symbol < LengthDistanceCodes.LiteralLengthSymbols; symbol++)
        {
            fixedBits += this.literalFrequencies[symbol] * FixedLiteralLengths[symbol];
        }

        var literals = HuffmanCode.Build(this.literalFrequencies, LiteralBlockEncoder.MaxCodeLength);
        var distances = HuffmanCode.Build(this.distanceFrequencies, LiteralBlockEncoder.MaxCodeLength);
        var header = new CodeLengthHeader(Trimmed(literals.Lengths, 257), Trimmed(distances.Lengths, 1));
        var dynamicBits = header.LengthInBits + literals.CostInBits(this.literalFrequencies) + distances.CostInBits(this.distanceFrequencies) + extraBits;
        var useFixed = fixedBits < dynamicBits;
        var bits = Math.Min(fixedBits, dynamicBits);
        if (this.overflowed || this.position + ((bits + this.pending.Count + 7) / 8) > this.capacity)
        {
            this.overflowed = true;
        }
        else
        {
            var writer = new DeflateBitWriter(this.output, this.position, this.pending);
            if (useFixed)
            {
                writer.Write(0b010, 3); // BFINAL=0, then BTYPE=1 (fixed), LSB first
                this.WriteTokens(ref writer, FixedLiterals, FixedDistances);
            }
            else
            {
                header.Write(ref writer);
                this.WriteTokens(ref writer, MergedTable(literals), MergedTable(distances));
            }

            this.position = writer.Position;
            this.pending = writer.Pending;
        }

        this.count = 0;
        Array.Clear(this.literalFrequencies);
        Array.Clear(this.distanceFrequencies);
    }

    private void WriteTokens(ref DeflateBitWriter writer, uint[] literals, uint[] distances)
    {
        foreach (var token in this.tokens.AsSpan(0, this.count))
        {
            if (token < 256)
            {
                var entry = literals[token];
                writer.Add(entry & 0xFFFF, (int)(entry >> 16));
            }
            else
            {
                // At most 15 + 5 + 15 + 13 = 48 bits, plus 7 pending: within the 64-bit buffer before the flush.
                var length = (int)(token >> 16);
                var distance = (int)(token & 0xFFFF);
                var lengthEntry = literals[LengthDistanceCodes.LengthSymbol(length)];
                writer.Add(lengthEntry & 0xFFFF, (int)(lengthEntry >> 16));
                writer.Add((ulong)LengthDistanceCodes.LengthExtraValue(length), LengthDistanceCodes.LengthExtraBits(length));
                var symbol = LengthDistanceCodes.DistanceSymbol(distance);
                var distanceEntry = distances[symbol];
                writer.Add(distanceEntry & 0xFFFF, (int)(distanceEntry >> 16));
                writer.Add((ulong)LengthDistanceCodes.DistanceExtraValue(distance, symbol), LengthDistanceCodes.DistanceExtraBits(symbol));
            }

            writer.Flush();
        }

        var end = literals[EndOfBlock];
        writer.Write(end & 0xFFFF, (int)(end >> 16));
    }
}
