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

        // Code and length merged in one entry, so the inner loop does one load per byte.
        this.Table = new uint[256];
        for (var symbol = 0; symbol < 256; symbol++)
        {
            this.Table[symbol] = literals.ReversedCodes[symbol] | ((uint)literals.Lengths[symbol] << 16);
        }
    }

    public HuffmanCode Literals { get; }

    public CodeLengthHeader Header { get; }

    /// <summary>Bytes of the whole segment, the sync flush included.</summary>
    public int SegmentLength { get; }

    public uint[] Table { get; }

    /// <summary>Bits of the data's codes alone: the histogram times the code lengths.</summary>
    public long DataBits { get; }

    /// <summary>The longest code a byte value has, which decides how many codes the bit packer fits per store.</summary>
    public int MaxLength { get; }
}
