using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace ModelPackTools.Hashing;

/// <summary>
/// The fast path for a file when nothing needs the whole object in order (no hex MD5/SHA-256, no single-PUT
/// ETag): each part is read at its own offset and hashed by whichever core takes it, through small buffers that
/// stay in that core's cache. Full-size parts go eight at a time through <see cref="Md5x8"/>, one part per
/// vector lane. No producer thread, no copy between threads, and parts of any size run in parallel with well
/// under a MiB of memory per core. Every byte is still read once.
/// </summary>
internal static class PositionalFingerprinter
{
    // Small enough to stay in L2 between the read and the digests that follow it; a multiple of 64 for MD5 blocks.
    private const int ReadSize = 256 * 1024;
    private const int LaneReadSize = 64 * 1024;

    public static bool Applies(FingerprintLayout layout) =>
        layout.Whole == DigestKinds.None && layout.Speculative == DigestKinds.None;

    public static async Task<Fingerprint> ComputeAsync(
        string path, long length, FingerprintOptions options, FingerprintLayout layout, CancellationToken cancellationToken)
    {
        var plan = options.PartSizes.Resolve(length);
        var partSize = layout.SegmentSize;
        var count = (int)((length + partSize - 1) / partSize);
        var parts = new Digests[count];

        // Work items: groups of eight full-size parts for the vector MD5 first, then the parts left over one by one.
        var useLanes = layout.PerSegment.HasFlag(DigestKinds.Md5) && Md5x8.IsAccelerated;
        var groups = useLanes ? (int)(length / partSize) / Md5x8.Lanes : 0;
        var singlesStart = groups * Md5x8.Lanes;

        await Parallel.ForAsync(
            0,
            groups + (count - singlesStart),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
            (item, token) =>
            {
                if (item < groups)
                {
                    HashLanes(path, item * Md5x8.Lanes, partSize, layout.PerSegment, parts, token);
                    options.Progress?.Advance(Md5x8.Lanes * partSize);
                }
                else
                {
                    var i = singlesStart + (item - groups);
                    var offset = i * partSize;
                    parts[i] = HashRange(path, offset, Math.Min(partSize, length - offset), layout.PerSegment, token);
                    options.Progress?.Advance(Math.Min(partSize, length - offset));
                }

                return ValueTask.CompletedTask;
            });

        using (var check = IO.RawPathFile.OpenHandle(path))
        {
            if (RandomAccess.GetLength(check) != length)
            {
                throw new IOException($"'{Diagnostics.RawNameText.Display(path)}' changed length while it was read.");
            }
        }

        return FingerprintAssembler.Assemble(options.Kinds, plan, parts, null, null);
    }

    internal static Digests HashRange(string path, long offset, long count, DigestKinds kinds, CancellationToken cancellationToken)
    {
        // A handle per part keeps the kernel's readahead sequential within each part.
        using var handle = IO.RawPathFile.OpenHandle(path);
        using var hasher = new MultiHasher(kinds);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            for (var end = offset + count; offset < end;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var slice = buffer.AsSpan(0, (int)Math.Min(ReadSize, end - offset));
                ReadExactly(handle, slice, offset, path);
                hasher.Append(slice);
                offset += slice.Length;
            }

            return hasher.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Eight consecutive full-size parts in lockstep: MD5 in the vector lanes, other digests part by part.
    internal static void HashLanes(
        string path, int firstPart, long partSize, DigestKinds kinds, Digests[] parts, CancellationToken cancellationToken)
    {
        var handles = new SafeFileHandle[Md5x8.Lanes];
        var buffers = new byte[Md5x8.Lanes][];
        var others = kinds & ~DigestKinds.Md5;
        var hashers = new MultiHasher?[Md5x8.Lanes];
        try
        {
            for (var lane = 0; lane < Md5x8.Lanes; lane++)
            {
                handles[lane] = IO.RawPathFile.OpenHandle(path);
                buffers[lane] = ArrayPool<byte>.Shared.Rent(LaneReadSize);
                hashers[lane] = others != DigestKinds.None ? new MultiHasher(others) : null;
            }

            var md5 = new Md5x8();
            for (long done = 0; ;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = (int)Math.Min(LaneReadSize, partSize - done);
                for (var lane = 0; lane < Md5x8.Lanes; lane++)
                {
                    var slice = buffers[lane].AsSpan(0, count);
                    ReadExactly(handles[lane], slice, ((firstPart + lane) * partSize) + done, path);
                    hashers[lane]?.Append(slice);
                }

                done += count;
                if (done == partSize)
                {
                    var digests = md5.Finish(buffers, count);
                    for (var lane = 0; lane < Md5x8.Lanes; lane++)
                    {
                        var rest = hashers[lane]?.Finish() ?? new Digests(partSize, null, null, 0, 0, 0);
                        parts[firstPart + lane] = rest with { Md5 = digests[lane] };
                    }

                    return;
                }

                md5.AppendBlocks(buffers, count);
            }
        }
        finally
        {
            for (var lane = 0; lane < Md5x8.Lanes; lane++)
            {
                handles[lane]?.Dispose();
                hashers[lane]?.Dispose();
                if (buffers[lane] is { } buffer)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                throw new IOException($"'{path}' became shorter while it was read (ended at byte {offset}).");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }
}
