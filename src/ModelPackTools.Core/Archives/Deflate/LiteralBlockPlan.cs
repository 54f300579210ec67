namespace ModelPackTools.Archives.Deflate;

/// <summary>A literals-only block's code, header and exact size in bytes, worked out from its histogram.</summary>
internal sealed class LiteralBlockPlan
{
    public LiteralBlockPlan(HuffmanCode literals, CodeLengthHeader header, int segmentLength, long dataBits)
    {
        this.Literals = literals;
        this.Header = header;
        this.SegmentLength = segmentLength;
        this.DataBits = dataBits;
        this.MaxLength = literals.Lengths.Take(256).Max();

    }

    public HuffmanCode Literals { get; }

    public CodeLengthHeader Header { get; }

    /// <summary>Bytes of the whole segment, the sync flush included.</summary>
    public int SegmentLength { get; }

    /// <summary>
    /// Code and length merged in one entry, so the inner loop does one load per byte. Made when first coded: the
    /// probe's plans only want the size.
    /// </summary>
    public uint[] Table => field ??= MergedTable(this.Literals);

    /// <summary>Bits of the data's codes alone: the histogram times the code lengths.</summary>
    public long DataBits { get; }

    /// <summary>The longest code a byte value has, which decides how many codes the bit packer fits per store.</summary>
    public int MaxLength { get; }

    private static uint[] MergedTable(HuffmanCode literals)
    {
        var table = new uint[256];
        for (var symbol = 0; symbol < 256; symbol++)
        {
            table[symbol] = literals.ReversedCodes[symbol] | ((uint)literals.Lengths[symbol] << 16);
        }

        return table;
    }
}
