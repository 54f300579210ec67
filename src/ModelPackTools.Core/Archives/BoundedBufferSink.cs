namespace ModelPackTools.Archives;

/// <summary>
/// Collects one block's compressed bytes in a caller-owned buffer of fixed capacity. Output that would not fit
/// means the block does not shrink and will be stored instead, so the sink just notes the overflow and drops the
/// bytes rather than growing or throwing through the deflater.
/// </summary>
internal sealed class BoundedBufferSink(byte[] buffer, int capacity) : WriteOnlySink
{
    private bool sealedOff;

    public int Count { get; private set; }

    public bool Overflowed { get; private set; }

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (this.sealedOff || this.Overflowed)
        {
            return;
        }

        if (data.Length > capacity - this.Count)
        {
            this.Overflowed = true;
            return;
        }

        data.CopyTo(buffer.AsSpan(this.Count));
        this.Count += data.Length;
    }

    /// <summary>Forgets everything so far: the output for the priming history is not part of the segment.</summary>
    public void Rewind()
    {
        this.Count = 0;
        this.Overflowed = false;
    }

    /// <summary>Ignores what comes next: the deflater's own end-of-stream block, written when it is disposed.</summary>
    public void Seal() => this.sealedOff = true;
}
