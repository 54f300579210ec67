namespace ModelPackTools.Archives;

/// <summary>
/// The Stream members a write-only sink does not use (deflate sinks, the packer's counting and trailing-hash
/// streams), so each shows only how it takes bytes.
/// </summary>
internal abstract class WriteOnlySink : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        this.Write(buffer.AsSpan(offset, count));
    }

    public abstract override void Write(ReadOnlySpan<byte> buffer);
}
