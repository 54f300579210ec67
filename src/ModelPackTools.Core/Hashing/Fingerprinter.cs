namespace ModelPackTools.Hashing;

/// <summary>
/// One streaming pass over an object's bytes that predicts what S3 will report for it: the ETag for the uploader's
/// part sizes and the additional checksums. Bytes pushed in are copied into pooled chunks; the chunks of one part
/// are hashed in order while different parts hash in parallel on the thread pool, and the few digests that need
/// the whole object in order (hex MD5/SHA-256) run as one more sequential queue beside them. A fixed budget of
/// chunks bounds memory: when it is spent, <see cref="Append"/> waits for the hashing to catch up.
/// </summary>
/// <remarks>
/// Not thread-safe: one producer pushes bytes, then calls <see cref="Complete"/> or <see cref="CompleteAsync"/>.
/// </remarks>
public sealed partial class Fingerprinter : IDisposable
{
    private readonly FingerprintOptions options;
    private readonly long? expectedLength;
    private readonly FingerprintLayout layout;
    private readonly SemaphoreSlim budget;
    private readonly bool ownsBudget;
    private readonly bool inline;
    private readonly List<Segment> segments = [];
    private readonly OrderedWork wholeWork;
    private readonly MultiHasher? whole;
    private readonly MultiHasher? speculative;
    private Segment? openSegment;
    private long openSegmentLength;
    private ChunkBuffer? chunk;
    private bool completed;
    private bool disposed;

    /// <param name="expectedLength">
    /// The object's length when known in advance (a file): the upload plan is then resolved up front. Leave it null
    /// when streaming output of unknown length; see <see cref="CompleteAsync"/> for the one case that cannot handle.
    /// </param>
    public Fingerprinter(FingerprintOptions options, long? expectedLength = null)
        : this(options, expectedLength, null)
    {
    }

    internal Fingerprinter(FingerprintOptions options, long? expectedLength, SemaphoreSlim? sharedBudget)
    {
        this.options = options;
        this.expectedLength = expectedLength;
        this.layout = FingerprintLayout.Create(options, expectedLength);
        this.inline = options.MaxDegreeOfParallelism <= 1;
        this.ownsBudget = sharedBudget is null;
        this.budget = sharedBudget ?? new SemaphoreSlim(this.layout.ChunkBudget);
        this.wholeWork = new OrderedWork(this.inline);
        this.whole = this.layout.Whole != DigestKinds.None ? new MultiHasher(this.layout.Whole) : null;
        this.speculative = this.layout.Speculative != DigestKinds.None ? new MultiHasher(this.layout.Speculative) : null;
    }

    public long Length { get; private set; }

    private int Room => (int)Math.Min(this.chunk!.Capacity - this.chunk.Length, this.layout.SegmentSize - this.openSegmentLength);

    public void Append(ReadOnlySpan<byte> data)
    {
        this.ThrowIfCompleted();
        while (!data.IsEmpty)
        {
            this.chunk ??= ChunkBuffer.Rent(this.budget, this.layout.ChunkSize);
            var count = Math.Min(this.Room, data.Length);
            data[..count].CopyTo(this.chunk.Free.Span);
            data = data[count..];
            this.Advance(count);
        }
    }

    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        this.ThrowIfCompleted();
        while (!data.IsEmpty)
        {
            this.chunk ??= await ChunkBuffer.RentAsync(this.budget, this.layout.ChunkSize, cancellationToken);
            var count = Math.Min(this.Room, data.Length);
            data[..count].CopyTo(this.chunk.Free);
            data = data[count..];
            this.Advance(count);
        }
    }

    public Fingerprint Complete() => this.CompleteAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Waits for the hashing to finish and assembles the result for the final length.
    /// </summary>
    /// <exception cref="S3LimitException">The object cannot be uploaded with the policy's part sizes.</exception>
    /// <exception cref="InvalidOperationException">
    /// The length differs from the expected one; or the length was not known in advance and the object grew past
    /// the size where the policy starts growing its part size (aws-cli: 80,000 MiB), so per-part values were hashed
    /// with the wrong part size. Fingerprint the finished file in that case.
    /// </exception>
    public async Task<Fingerprint> CompleteAsync(CancellationToken cancellationToken = default)
    {
        this.ThrowIfCompleted();
        this.completed = true;
        if (this.chunk is { Length: > 0 })
        {
            this.Dispatch();
        }

        this.chunk?.Release();
        this.chunk = null;
        this.CloseSegment();

        await Task.WhenAll(this.segments.Select(s => s.Work.Completion).Append(this.wholeWork.Completion))
            .WaitAsync(cancellationToken);
        return this.Assemble();
    }

    public void Dispose()
    {
        if (this.disposed)
        {
            return;
        }

        this.disposed = true;
        this.chunk?.Release();
        this.chunk = null;
        try
        {
            // Hashing still in flight reads pooled buffers; let it finish before they are reused.
            Task.WhenAll(this.segments.Select(s => s.Work.Completion).Append(this.wholeWork.Completion)).Wait();
        }
        catch (AggregateException)
        {
            // Abandoned: nobody will read the failure.
        }

        foreach (var segment in this.segments)
        {
            segment.Hasher.Dispose();
        }

        this.whole?.Dispose();
        this.speculative?.Dispose();
        if (this.ownsBudget)
        {
            this.budget.Dispose();
        }
    }

    // Reads straight into pooled chunks, saving the copy Append makes.
    internal async Task AppendFromAsync(Stream source, CancellationToken cancellationToken)
    {
        this.ThrowIfCompleted();
        while (true)
        {
            this.chunk ??= await ChunkBuffer.RentAsync(this.budget, this.layout.ChunkSize, cancellationToken);
            var read = await source.ReadAsync(this.chunk.Free[..this.Room], cancellationToken);
            if (read == 0)
            {
                return;
            }

            this.options.Progress?.Advance(read);
            this.Advance(read);
        }
    }

    private void Advance(int count)
    {
        this.chunk!.Length += count;
        this.openSegmentLength += count;
        this.Length += count;
        if (this.chunk.Length == this.chunk.Capacity || this.openSegmentLength == this.layout.SegmentSize)
        {
            this.Dispatch();
        }
    }

    private void Dispatch()
    {
        var full = this.chunk!;
        this.chunk = null;

        if (this.layout.PerSegment != DigestKinds.None)
        {
            var segment = this.openSegment ??= this.OpenSegment();
            full.AddReference();
            segment.Work.Post(() => segment.Hasher.Append(full.Data), full);
        }

        // Past the single-PUT limit the object is certainly multipart, and the speculative digests are dropped.
        var feedSpeculative = this.speculative is not null && this.Length <= this.layout.SpeculationLimit;
        if (this.whole is not null || feedSpeculative)
        {
            full.AddReference();
            this.wholeWork.Post(
                () =>
                {
                    this.whole?.Append(full.Data);
                    if (feedSpeculative)
                    {
                        this.speculative!.Append(full.Data);
                    }
                },
                full);
        }

        full.Release();
        if (this.openSegmentLength == this.layout.SegmentSize)
        {
            this.CloseSegment();
        }
    }

    private Segment OpenSegment()
    {
        var segment = new Segment(new MultiHasher(this.layout.PerSegment), new OrderedWork(this.inline));
        this.segments.Add(segment);
        return segment;
    }

    private void CloseSegment()
    {
        if (this.openSegment is { } segment)
        {
            segment.Work.Post(() => segment.Result = segment.Hasher.Finish());
        }

        this.openSegment = null;
        this.openSegmentLength = 0;
    }

    private Fingerprint Assemble()
    {
        if (this.expectedLength is { } expected && expected != this.Length)
        {
            throw new InvalidOperationException(
                $"expected {expected} bytes but {this.Length} were hashed; the input changed while it was read.");
        }

        var plan = this.options.PartSizes.Resolve(this.Length);
        if (plan.IsMultipart && (this.options.Kinds & FingerprintAssembler.PerPart) != 0 && plan.PartSize != this.layout.SegmentSize)
        {
            throw new InvalidOperationException(
                $"at {this.Length} bytes, {this.options.PartSizes} uploads in parts of {ByteSize.Format(plan.PartSize)}, " +
                $"but the bytes were hashed in parts of {ByteSize.Format(this.layout.SegmentSize)} because the length " +
                "was not known in advance; fingerprint the finished file instead.");
        }

        var wholeDigests = this.whole?.Finish();
        var speculated = this.speculative?.Finish();
        var singlePut = plan.IsMultipart ? null : speculated;
        return FingerprintAssembler.Assemble(
            this.options.Kinds,
            plan,
            this.segments.Select(s => s.Result!).ToArray(),
            wholeDigests?.Md5 ?? singlePut?.Md5,
            wholeDigests?.Sha256 ?? singlePut?.Sha256);
    }

    private void ThrowIfCompleted()
    {
        ObjectDisposedException.ThrowIf(this.disposed, this);
        if (this.completed)
        {
            throw new InvalidOperationException("the fingerprint is already complete.");
        }
    }

    private sealed class Segment(MultiHasher hasher, OrderedWork work)
    {
        public MultiHasher Hasher { get; } = hasher;

        public OrderedWork Work { get; } = work;

        public Digests? Result { get; set; }
    }
}
