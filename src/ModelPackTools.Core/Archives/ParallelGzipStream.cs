namespace ModelPackTools.Archives;

/// <summary>
/// A write-only stream that gzips what is written into one gzip member, compressing fixed-size blocks on several
/// cores (the pigz design) and writing them in order. The bytes are the same for any thread count.
/// </summary>
/// <remarks>
/// Memory stays at about 2 x <see cref="ParallelGzipOptions.Threads"/> blocks whatever the input size. A worker's
/// exception comes out of the Write that reaches its block, or of <see cref="Complete"/>/Dispose; after that the
/// stream refuses writes and Dispose only cleans up. Flush does not cut a block (the bytes would then depend on
/// when callers flush). The member is finished by <see cref="Complete"/> or Dispose, exactly once. Not
/// thread-safe, like other streams.
/// </remarks>
public sealed class ParallelGzipStream : Stream
{
    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly CancellationToken cancellationToken;
    private readonly int blockSize;
    private readonly GzipBlockPipeline pipeline;
    private GzipBlock? current;
    private State state;

    public ParallelGzipStream(Stream output, ParallelGzipOptions? options = null, bool leaveOpen = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        options ??= new ParallelGzipOptions();
        options.Validate();
        this.output = output;
        this.leaveOpen = leaveOpen;
        this.cancellationToken = cancellationToken;
        this.blockSize = options.BlockSize;
        this.pipeline = new GzipBlockPipeline(output, options.Level, options.Threads, cancellationToken);
    }

    private enum State
    {
        Open,
        Completed,
        Failed,
        Disposed,
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => this.state == State.Open;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        this.Write(buffer.AsSpan(offset, count));
    }

    public override void WriteByte(byte value) => this.Write(new ReadOnlySpan<byte>(in value));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        this.ThrowIfNotOpen();
        try
        {
            this.cancellationToken.ThrowIfCancellationRequested();
            while (!buffer.IsEmpty)
            {
                this.current ??= new GzipBlock(this.blockSize);
                buffer = buffer[this.current.Append(buffer)..];
                if (this.current.IsFull)
                {
                    var full = this.current;
                    this.current = new GzipBlock(this.blockSize);
                    this.current.PrimeFrom(full);
                    this.pipeline.Submit(full);
                }
            }
        }
        catch
        {
            this.state = State.Failed;
            throw;
        }
    }

    /// <summary>Compresses what is left and writes the end of the member. Later calls do nothing.</summary>
    public void Complete()
    {
        if (this.state == State.Completed)
        {
            return;
        }

        this.ThrowIfNotOpen();
        try
        {
            this.cancellationToken.ThrowIfCancellationRequested();
            var last = this.current;
            this.current = null;
            if (last is { Length: > 0 })
            {
                this.pipeline.Submit(last);
            }
            else
            {
                last?.Release();
            }

            this.pipeline.Finish();
            this.state = State.Completed;
        }
        catch
        {
            this.state = State.Failed;
            throw;
        }
    }

    /// <summary>Writes the blocks that are already compressed and flushes the output; never waits for a worker.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(this.state == State.Disposed, this);
        if (this.state == State.Open)
        {
            try
            {
                this.pipeline.WriteFinished();
            }
            catch
            {
                this.state = State.Failed;
                throw;
            }
        }

        this.output.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!disposing || this.state == State.Disposed)
        {
            base.Dispose(disposing);
            return;
        }

        try
        {
            if (this.state == State.Open)
            {
                this.Complete();
            }
        }
        finally
        {
            this.pipeline.Abandon();
            this.current?.Release();
            this.current = null;
            this.state = State.Disposed;
            if (!this.leaveOpen)
            {
                this.output.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(this.state == State.Disposed, this);
        if (this.state != State.Open)
        {
            throw new InvalidOperationException(this.state == State.Completed
                ? "The gzip member is already complete."
                : "An earlier write failed; the gzip output is incomplete.");
        }
    }
}
