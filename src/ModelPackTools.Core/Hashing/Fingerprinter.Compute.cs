namespace ModelPackTools.Hashing;

// Pulling conveniences over the push API: one stream, one file, or many files at once.
public sealed partial class Fingerprinter
{
    public static async Task<Fingerprint> ComputeAsync(
        Stream source, FingerprintOptions options, CancellationToken cancellationToken = default)
    {
        long? length = source.CanSeek ? source.Length - source.Position : null;
        using var fingerprinter = new Fingerprinter(options, length);
        await fingerprinter.AppendFromAsync(source, cancellationToken);
        return await fingerprinter.CompleteAsync(cancellationToken);
    }

    public static Task<Fingerprint> ComputeAsync(
        string path, FingerprintOptions options, CancellationToken cancellationToken = default) =>
        ComputeFileAsync(path, options, null, cancellationToken);

    /// <summary>
    /// Fingerprints files in parallel, each streamed once, at most <see cref="FingerprintOptions.MaxDegreeOfParallelism"/>
    /// files at a time. All files share one budget of buffers, so memory stays bounded however many there are.
    /// Results are in the order of <paramref name="paths"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Fingerprint>> ComputeManyAsync(
        IReadOnlyList<string> paths, FingerprintOptions options, CancellationToken cancellationToken = default)
    {
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        var results = new Fingerprint[paths.Count];
        using var budget = new SemaphoreSlim(
            FingerprintLayout.Budget(parallelism, FingerprintLayout.MaxChunkSize, FingerprintLayout.MaxChunkSize) + parallelism);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, paths.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ComputeFileAsync(paths[i], options, budget, token));
        return results;
    }

    private static async Task<Fingerprint> ComputeFileAsync(
        string path, FingerprintOptions options, SemaphoreSlim? budget, CancellationToken cancellationToken)
    {
        // Opened by its stored bytes where the name is not UTF-8 (a folder walked by bytes, issue 10): .NET cannot open
        // or even stat such a name by its string.
        var file = IO.RawPathFile.OpenRead(path, bufferSize: 0, FileOptions.SequentialScan);
        await using (file)
        {
            var length = file.Length;
            var layout = FingerprintLayout.Create(options, length);
            if (PositionalFingerprinter.Applies(layout))
            {
                return await PositionalFingerprinter.ComputeAsync(path, length, options, layout, cancellationToken);
            }

            // No FileStream buffer: reads go straight into the pooled chunks, 8 MiB at a time.
            using var fingerprinter = new Fingerprinter(options, length, budget);
            await fingerprinter.AppendFromAsync(file, cancellationToken);
            return await fingerprinter.CompleteAsync(cancellationToken);
        }
    }
}
