namespace ModelPackTools.Hashing;

/// <summary>
/// A write-only stream that fingerprints what is written through it and, when given an inner stream, passes the
/// same bytes on: a writer can produce a file and its ETag in one pass. Call <see cref="Fingerprinter.Complete"/>
/// on the fingerprinter after the last write.
/// </summary>
public sealed class FingerprintStream(Fingerprinter fingerprinter, Stream? inner = null, bool leaveOpen = false) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => fingerprinter.Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => this.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner?.Write(buffer);
        fingerprinter.Append(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (inner is not null)
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }

        await fingerprinter.AppendAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        inner?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
