using System.Buffers;

namespace ModelPackTools.Archives;

/// <summary>
/// One fixed-size slice of the input on its way through a worker: its bytes, the history that primes its deflater,
/// and what the worker made of it (CRC, and either a compressed segment or nothing, meaning "store it").
/// All buffers are pooled and go back in <see cref="Release"/>.
/// </summary>
internal sealed class GzipBlock
{
    /// <summary>Deflate's window: the most a back-reference can reach into the previous block.</summary>
    public const int MaxHistoryLength = 32 * 1024;

    private readonly int capacity;
    private byte[]? input;
    private byte[]? history;
    private byte[]? segment;

    public GzipBlock(int capacity)
    {
        this.capacity = capacity;
        this.input = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public int Length { get; private set; }

    public bool IsFull => this.Length == this.capacity;

    public ReadOnlySpan<byte> Data => this.input.AsSpan(0, this.Length);

    public ReadOnlySpan<byte> History => this.history.AsSpan(0, this.HistoryLength);

    public int HistoryLength { get; private set; }

    /// <summary>The same bytes as <see cref="Data"/>, for SharpZipLib's array-based engine.</summary>
    public ArraySegment<byte> DataSegment => new(this.input!, 0, this.Length);

    public ArraySegment<byte> HistorySegment => this.history is null ? ArraySegment<byte>.Empty : new(this.history, 0, this.HistoryLength);

    public uint Crc { get; set; }

    public int SegmentLength { get; private set; }

    public bool IsStored => this.segment is null;

    public int Append(ReadOnlySpan<byte> source)
    {
        var count = Math.Min(source.Length, this.capacity - this.Length);
        source[..count].CopyTo(this.input.AsSpan(this.Length));
        this.Length += count;
        return count;
    }

    /// <summary>
    /// Copies the previous block's tail in as history, which is what pigz does with deflateSetDictionary: the
    /// decoder has those bytes already, so matches into them cost nothing and the block loses no ratio for starting
    /// fresh. It depends only on the input, so the output stays the same for any thread count.
    /// </summary>
    public void PrimeFrom(GzipBlock previous)
    {
        var tail = previous.Data[Math.Max(0, previous.Length - MaxHistoryLength)..];
        this.history = ArrayPool<byte>.Shared.Rent(MaxHistoryLength);
        tail.CopyTo(this.history);
        this.HistoryLength = tail.Length;
    }

    /// <summary>Takes ownership of a pooled buffer holding the compressed segment.</summary>
    public void SetSegment(byte[] buffer, int length)
    {
        this.segment = buffer;
        this.SegmentLength = length;
    }

    public void WriteTo(Stream output)
    {
        if (this.segment is null)
        {
            DeflateFraming.WriteStored(output, this.Data);
        }
        else
        {
            output.Write(this.segment, 0, this.SegmentLength);
        }
    }

    public void Release()
    {
        Return(ref this.input);
        Return(ref this.history);
        Return(ref this.segment);
    }

    private static void Return(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
