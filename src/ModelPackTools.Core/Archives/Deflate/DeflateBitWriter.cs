using System.Buffers.Binary;

namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// Packs deflate's bit fields LSB first (RFC 1951 section 3.1.1) through a 64-bit buffer. A flush stores all
/// 8 bytes at once and advances by the whole bytes only, so the output needs <see cref="Slack"/> spare bytes
/// beyond the data; after a flush at most 7 bits stay pending, leaving room for 57 more.
/// </summary>
internal ref struct DeflateBitWriter
{
    /// <summary>Bytes past the end of the real output that a flush may scribble on.</summary>
    public const int Slack = 8;

    private readonly Span<byte> output;
    private ulong bits;
    private int count;
    private int position;

    public DeflateBitWriter(Span<byte> output) => this.output = output;

    /// <summary>Whole bytes written so far.</summary>
    public readonly int Position => this.position;

    /// <summary>Adds up to 57 bits without flushing; the caller flushes before the buffer could overflow.</summary>
    public void Add(ulong value, int length)
    {
        this.bits |= value << this.count;
        this.count += length;
    }

    public void Write(ulong value, int length)
    {
        this.Add(value, length);
        this.Flush();
    }

    public void Flush()
    {
        BinaryPrimitives.WriteUInt64LittleEndian(this.output[this.position..], this.bits);
        var whole = this.count >> 3;
        this.position += whole;
        this.bits = whole == 8 ? 0 : this.bits >> (whole << 3);
        this.count &= 7;
    }

    /// <summary>Pads to a byte boundary with zero bits and writes the last partial byte.</summary>
    public void AlignToByte()
    {
        this.count = (this.count + 7) & ~7;
        this.Flush();
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(this.output[this.position..]);
        this.position += bytes.Length;
    }
}
