using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>Resumes a writer whose state was saved with <see cref="Position"/> and <see cref="Pending"/>.</summary>
    public DeflateBitWriter(Span<byte> output, int position, (ulong Bits, int Count) pending)
    {
        this.output = output;
        this.position = position;
        (this.bits, this.count) = pending;
    }

    /// <summary>Whole bytes written so far.</summary>
    public readonly int Position => this.position;

    /// <summary>The bits not yet in a whole byte (at most 7 after a flush).</summary>
    public readonly (ulong Bits, int Count) Pending => (this.bits, this.count);

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

    /// <summary>
    /// Codes bytes through a 256-entry table of code | length &lt;&lt; 16, the hot loop of the literal coder: three
    /// codes of at most 15 bits per flush (7 pending + 45 bits fit the 64-bit buffer), with the state in locals so
    /// the JIT keeps it in registers.
    /// </summary>
    public void WriteCodes(ReadOnlySpan<byte> data, uint[] table)
    {
        if (table.Length != 256)
        {
            throw new ArgumentException("The table must have one entry per byte value.", nameof(table));
        }

        // A byte indexes a 256-entry table, so these reads are in bounds without a check per byte.
        ref var codes = ref MemoryMarshal.GetArrayDataReference(table);
        var pending = this.bits;
        var pendingCount = this.count;
        var at = this.position;
        var i = 0;
        for (; i + 3 <= data.Length; i += 3)
        {
            var a = Unsafe.Add(ref codes, data[i]);
            var b = Unsafe.Add(ref codes, data[i + 1]);
            var c = Unsafe.Add(ref codes, data[i + 2]);
            pending |= (ulong)(a & 0xFFFF) << pendingCount;
            pendingCount += (int)(a >> 16);
            pending |= (ulong)(b & 0xFFFF) << pendingCount;
            pendingCount += (int)(b >> 16);
            pending |= (ulong)(c & 0xFFFF) << pendingCount;
            pendingCount += (int)(c >> 16);
            BinaryPrimitives.WriteUInt64LittleEndian(this.output.Slice(at, sizeof(ulong)), pending);
            var whole = pendingCount >> 3;
            at += whole;
            pending >>= whole << 3; // at most 52 bits pending, so at most 6 whole bytes: the shift stays below 64
            pendingCount &= 7;
        }

        this.bits = pending;
        this.count = pendingCount;
        this.position = at;
        for (; i < data.Length; i++)
        {
            var entry = table[data[i]];
            this.Write(entry & 0xFFFF, (int)(entry >> 16));
        }
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(this.output[this.position..]);
        this.position += bytes.Length;
    }
}
