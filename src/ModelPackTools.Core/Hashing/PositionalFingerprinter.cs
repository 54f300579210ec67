using System.Buffers;

namespace ModelPackTools.Hashing;

/// <summary>
/// The fast path for a file when nothing needs the whole object in order (no hex MD5/SHA-256, no single-PUT
/// ETag): each part is read at its own offset and hashed by whichever core takes it, through a small buffer that
/// stays in that core's cache. No producer thread, no copy between threads, and parts of any size run in parallel
/// with a few hundred KiB of memory per core. Every byte is still read once.
/// </summary>
internal static class PositionalFingerprinter
{
    // Small enough to stay in L2 between the read and the digests that follow it.
    private const int ReadSize = 256 * 1024;

    public static bool Applies(FingerprintLayout layout) =>
        layout.Whole == DigestKinds.None && layout.Speculative == DigestKinds.None;

    public static async Task<Fingerprint> ComputeAsync(
        string path, long length, FingerprintOptions options, FingerprintLayout layout, CancellationToken cancellationToken)
    {
        var plan = options.PartSizes.Resolve(length);
        var segmentSize = layout.SegmentSize;
        var count = (int)((length + segmentSize - 1) / segmentSize);
        var parts = new Digests[count];

        await Parallel.ForAsync(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
            (i, token) =>
            {
                var offset = i * segmentSize;
                parts[i] = HashRange(path, offset, Math.Min(segmentSize, length - offset), layout.PerSegment, token);
                return ValueTask.CompletedTask;
            });

        if (new FileInfo(path).Length != length)
        {
            throw new IOException($"'{path}' changed length while it was read.");
        }

        return FingerprintAssembler.Assemble(options.Kinds, plan, parts, null, null);
    }

    private static Digests HashRange(string path, long offset, long count, DigestKinds kinds, CancellationToken cancellationToken)
    {
        // A handle per part keeps the kernel's readahead sequential within each part.
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var hasher = new MultiHasher(kinds);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            var end = offset + count;
            while (offset < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(ReadSize, end - offset)), offset);
                if (read == 0)
                {
                    throw new IOException($"'{path}' became shorter while it was read (ended at byte {offset}).");
                }

                hasher.Append(buffer.AsSpan(0, read));
                offset += read;
            }

            return hasher.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
