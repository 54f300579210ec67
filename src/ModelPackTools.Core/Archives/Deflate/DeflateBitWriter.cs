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
    /// Codes bytes through a 256-entry table of code | length &lt;&lt; 16, the hot loop of the literal coder. After a
    /// flush at most 7 bits are pending, so as many codes go in before the next flush as fit the 64-bit buffer:
    /// five when no code is longer than 11 bits (float weights' codes are at most about 10), four up to 14, three up
    /// to 15. The bits are the same whichever loop runs; only the number of stores differs. The state lives in locals
    /// so the JIT keeps it in registers, and the room is checked once up front, not per store.
    /// </summary>
    /// <param name="maxLength">The longest code length in the table.</param>
    /// <param name="codeBits">The exact number of bits the data codes to (its histogram times the code lengths).</param>
    public void WriteCodes(ReadOnlySpan<byte> data, uint[] table, int maxLength, long codeBits)
    {
        if (table.Length != 256 || maxLength is < 1 or > 15)
        {
            throw new ArgumentException("The table must have one entry per byte value, with codes of 1 to 15 bits.", nameof(table));
        }

        // Every store is 8 bytes at a position no further than the end of the codes.
        if (this.output.Length - this.position < ((this.count + codeBits + 7) / 8) + sizeof(ulong))
        {
            throw new ArgumentException("The output has no room for the codes.", nameof(data));
        }

        var done = maxLength switch
        {
            <= 11 => this.WriteFives(data, table),
            <= 14 => this.WriteFours(data, table),
            _ => this.WriteThrees(data, table),
        };
        for (var i = done; i < data.Length; i++)
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

    // The three loops below differ only in how many codes go in per flush; written out, since that count must be a
    // constant for the JIT to keep the loop body straight-line. The caller has checked the room, so the stores need
    // no bounds checks; a 64-bit store after at most 7 pending bits + N x L bits stays below 64 bits in every loop.
    private int WriteFives(ReadOnlySpan<byte> data, uint[] table)
    {
        ref var codes = ref MemoryMarshal.GetArrayDataReference(table);
        ref var source = ref MemoryMarshal.GetReference(data);
        ref var target = ref MemoryMarshal.GetReference(this.output);
        var pending = this.bits;
        var count = this.count;
        nint at = this.position;
        nint i = 0;
        for (nint end = data.Length - 5; i <= end; i += 5)
        {
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 1)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 2)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 3)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 4)));
            Store(ref target, ref at, ref pending, ref count);
        }

        return this.Save(pending, count, at, i);
    }

    private int WriteFours(ReadOnlySpan<byte> data, uint[] table)
    {
        ref var codes = ref MemoryMarshal.GetArrayDataReference(table);
        ref var source = ref MemoryMarshal.GetReference(data);
        ref var target = ref MemoryMarshal.GetReference(this.output);
        var pending = this.bits;
        var count = this.count;
        nint at = this.position;
        nint i = 0;
        for (nint end = data.Length - 4; i <= end; i += 4)
        {
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 1)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 2)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 3)));
            Store(ref target, ref at, ref pending, ref count);
        }

        return this.Save(pending, count, at, i);
    }

    private int WriteThrees(ReadOnlySpan<byte> data, uint[] table)
    {
        ref var codes = ref MemoryMarshal.GetArrayDataReference(table);
        ref var source = ref MemoryMarshal.GetReference(data);
        ref var target = ref MemoryMarshal.GetReference(this.output);
        var pending = this.bits;
        var count = this.count;
        nint at = this.position;
        nint i = 0;
        for (nint end = data.Length - 3; i <= end; i += 3)
        {
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 1)));
            Put(ref pending, ref count, Unsafe.Add(ref codes, Unsafe.Add(ref source, i + 2)));
            Store(ref target, ref at, ref pending, ref count);
        }

        return this.Save(pending, count, at, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(ref ulong pending, ref int count, uint entry)
    {
        pending |= (ulong)(entry & 0xFFFF) << count;
        count += (int)(entry >> 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref byte target, ref nint at, ref ulong pending, ref int count)
    {
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), BitConverter.IsLittleEndian ? pending : BinaryPrimitives.ReverseEndianness(pending));
        var whole = count >> 3;
        at += whole;
        pending >>= whole << 3;
        count &= 7;
    }

    private int Save(ulong pending, int count, nint at, nint coded)
    {
        this.bits = pending;
        this.count = count;
        this.position = (int)at;
        return (int)coded;
    }
}
