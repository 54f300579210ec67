namespace ModelPackTools.Hashing;

/// <summary>
/// Fingerprints a file while a writer is still appending to it: as soon as a run of full parts has reached the OS,
/// it is read back from the page cache at its own offset and hashed, eight parts at a time through
/// <see cref="Md5x8"/>, while the writer goes on producing the rest. The ETag's MD5 then costs about a third of
/// hashing the bytes one MD5 after another on their way to disk, overlaps the compression, and buffers nothing but
/// the small read slices, whatever the file's size.
/// </summary>
/// <remarks>
/// The parts are cut at the policy's starting part size, which is the upload's part size for every length up to
/// where the policy grows it (aws-cli: 10,000 parts). When the final length gives another plan (a single PUT, or
/// larger parts), the parts hashed so far are dropped and the finished file is fingerprinted again: a rare case, and
/// one that costs a second read, never a wrong value. Fingerprints that need the whole object in order (hex
/// MD5/SHA-256) are not served here; <see cref="TryCreate"/> says so and the caller streams them instead. Not
/// thread-safe: one writer calls <see cref="Written"/>, then <see cref="CompleteAsync"/>.
/// </remarks>
internal sealed class TrailingFingerprinter : IDisposable
{
    private readonly string path;
    private readonly FingerprintOptions options;
    private readonly long partSize;
    private readonly DigestKinds perPart;
    private readonly int partsPerUnit;
    private readonly bool inline;
    private readonly CancellationToken cancellationToken;
    private readonly Digests[] parts = new Digests[S3Limits.MaxPartCount];
    private Task tail = Task.CompletedTask;
    private int partsStarted;

    private TrailingFingerprinter(string path, FingerprintOptions options, FingerprintLayout layout, CancellationToken cancellationToken)
    {
        this.path = path;
        this.options = options;
        this.partSize = layout.SegmentSize;
        this.perPart = layout.PerSegment;
        this.partsPerUnit = layout.PerSegment.HasFlag(DigestKinds.Md5) && Md5x8.IsAccelerated ? Md5x8.Lanes : 1;
        this.inline = options.MaxDegreeOfParallelism <= 1;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The length the file must reach before the next run of parts can be hashed.</summary>
    public long NextBoundary => this.partsStarted + this.partsPerUnit <= this.parts.Length
        ? (this.partsStarted + this.partsPerUnit) * this.partSize
        : long.MaxValue;

    /// <summary>A fingerprinter for the file at <paramref name="path"/>, or null when the options need an in-order pass.</summary>
    public static TrailingFingerprinter? TryCreate(string path, FingerprintOptions options, CancellationToken cancellationToken)
    {
        var layout = FingerprintLayout.Create(options, expectedLength: null);
        return layout.Whole == DigestKinds.None && layout.PerSegment != DigestKinds.None
            ? new TrailingFingerprinter(path, options, layout, cancellationToken)
            : null;
    }

    /// <summary>Tells it that the first <paramref name="length"/> bytes of the file are written and readable.</summary>
    public void Written(long length)
    {
        while (length >= this.NextBoundary)
        {
            var first = this.partsStarted;
            this.partsStarted += this.partsPerUnit;
            if (this.inline)
            {
                this.HashUnit(first);
            }
            else
            {
                this.tail = this.Chain(this.tail, first);
            }
        }
    }

    /// <summary>Hashes what is left once the file is complete at <paramref name="length"/> bytes, and assembles the result.</summary>
    public async Task<Fingerprint> CompleteAsync(long length)
    {
        await this.tail;
        var layout = FingerprintLayout.Create(this.options, length);
        var plan = this.options.PartSizes.Resolve(length);
        if (!plan.IsMultipart || layout.SegmentSize != this.partSize || !PositionalFingerprinter.Applies(layout))
        {
            return await Fingerprinter.ComputeAsync(this.path, this.options, this.cancellationToken);
        }

        var done = this.partsStarted;
        var fullParts = (int)(length / this.partSize);
        var units = (fullParts - done) / this.partsPerUnit;
        var singlesStart = done + (units * this.partsPerUnit);
        await Parallel.ForAsync(
            0,
            units + (plan.PartCount - singlesStart),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, this.options.MaxDegreeOfParallelism), CancellationToken = this.cancellationToken },
            (item, token) =>
            {
                if (item < units)
                {
                    this.HashUnit(done + (item * this.partsPerUnit));
                }
                else
                {
                    var i = singlesStart + (item - units);
                    var offset = i * this.partSize;
                    this.parts[i] = PositionalFingerprinter.HashRange(this.path, offset, Math.Min(this.partSize, length - offset), this.perPart, token);
                }

                return ValueTask.CompletedTask;
            });

        using (var check = IO.RawPathFile.OpenHandle(this.path))
        {
            if (RandomAccess.GetLength(check) != length)
            {
                throw new IOException($"'{Diagnostics.RawNameText.Display(this.path)}' changed length while it was hashed.");
            }
        }

        return FingerprintAssembler.Assemble(this.options.Kinds, plan, this.parts[..plan.PartCount], null, null);
    }

    /// <summary>Waits for hashing still in flight (it reads the file), ignoring its failure: the caller is abandoning.</summary>
    public void Dispose()
    {
        try
        {
            this.tail.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // Reported by CompleteAsync, or nobody will read it.
        }
    }

    // One unit at a time on the thread pool, in order: with the writer and the compressors busy, one hashing core is
    // enough (eight lanes of MD5 run at several GB/s), and a failure stops the units after it.
    private async Task Chain(Task previous, int first)
    {
        await previous;
        await Task.Run(() => this.HashUnit(first), this.cancellationToken);
    }

    private void HashUnit(int first)
    {
        if (this.partsPerUnit == Md5x8.Lanes)
        {
            PositionalFingerprinter.HashLanes(this.path, first, this.partSize, this.perPart, this.parts, this.cancellationToken);
        }
        else
        {
            this.parts[first] = PositionalFingerprinter.HashRange(this.path, first * this.partSize, this.partSize, this.perPart, this.cancellationToken);
        }
    }
}
