using ModelPackTools.Hashing;

namespace ModelPackTools.Packing;

/// <summary>
/// Writes the archive to its staging file and, whenever the file has grown past the next run of whole parts, hands
/// those bytes to the OS and tells the <see cref="TrailingFingerprinter"/>, which hashes them back from the page
/// cache while the archive's later blocks are still being compressed.
/// </summary>
internal sealed class TrailingHashStream(FileStream file, TrailingFingerprinter fingerprinter) : Stream
{
    private long length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => this.length;

    public override long Position
    {
        get => this.length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => this.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        file.Write(buffer);
        this.length += buffer.Length;
        if (this.length >= fingerprinter.NextBoundary)
        {
            file.Flush(); // into the page cache, where the fingerprinter's reads find it
            fingerprinter.Written(this.length);
        }
    }

    public override void Flush() => file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
