using ModelPackTools.Archives;

namespace ModelPackTools.Packing;

/// <summary>A pass-through write stream that counts bytes: the tar length, measured where it is produced.</summary>
internal sealed class CountingStream(Stream inner) : WriteOnlySink
{
    private long length;

    public override long Length => this.length;

    public override long Position
    {
        get => this.length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        this.length += buffer.Length;
    }

    public override void Flush() => inner.Flush();
}
