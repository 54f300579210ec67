using ModelPackTools.Hashing;

namespace ModelPackTools.Archives;

/// <summary>
/// Runs blocks through the workers and writes their segments to the output in input order, keeping at most
/// 2 x threads blocks in flight. The gzip CRC and length are folded in per block as segments are written
/// (Crc32.Combine), so nothing is checksummed twice and the caller's thread never hashes.
/// </summary>
internal sealed class GzipBlockPipeline
{
    private readonly Stream output;
    private readonly int level;
    private readonly int maxInFlight;
    private readonly CancellationToken cancellationToken;
    private readonly BlockWorkers workers;
    private readonly Queue<(GzipBlock Block, Task Work)> inFlight = new();
    private uint crc;
    private long length;
    private bool headerWritten;

    public GzipBlockPipeline(Stream output, int level, int threads, CancellationToken cancellationToken)
    {
        this.output = output;
        this.level = level;
        this.maxInFlight = 2 * threads;
        this.cancellationToken = cancellationToken;
        this.workers = new BlockWorkers(threads);
    }

    /// <summary>Takes ownership of the block; returns once there is room for another.</summary>
    public void Submit(GzipBlock block)
    {
        var work = this.workers.Run(() => BlockCompressor.Compress(block, this.level, this.cancellationToken));
        this.inFlight.Enqueue((block, work));
        while (this.inFlight.Count >= this.maxInFlight)
        {
            this.WriteOldest();
        }

        this.WriteFinished();
    }

    /// <summary>Writes the blocks at the head of the queue that are already done, without waiting.</summary>
    public void WriteFinished()
    {
        while (this.inFlight.Count > 0 && this.inFlight.Peek().Work.IsCompleted)
        {
            this.WriteOldest();
        }
    }

    /// <summary>Waits for every block, writes it, then ends the deflate stream and writes the gzip trailer.</summary>
    public void Finish()
    {
        while (this.inFlight.Count > 0)
        {
            this.WriteOldest();
        }

        this.workers.Stop();
        this.EnsureHeader();
        this.output.Write(DeflateFraming.FinalEmptyBlock);
        GzipFraming.WriteTrailer(this.output, this.crc, this.length);
        this.output.Flush();
    }

    /// <summary>After a failure: lets running workers finish with their buffers, then returns every buffer.</summary>
    public void Abandon()
    {
        this.workers.Stop();
        while (this.inFlight.Count > 0)
        {
            var (block, work) = this.inFlight.Dequeue();
            try
            {
                work.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Already reported, or the reason we are abandoning.
            }

            block.Release();
        }
    }

    private void WriteOldest()
    {
        var (block, work) = this.inFlight.Dequeue();
        try
        {
            // GetResult rethrows the worker's own exception, not an AggregateException.
            work.GetAwaiter().GetResult();
            this.EnsureHeader();
            block.WriteTo(this.output);
            this.crc = Crc32.Combine(this.crc, block.Crc, block.Length);
            this.length += block.Length;
        }
        finally
        {
            block.Release();
        }
    }

    private void EnsureHeader()
    {
        if (!this.headerWritten)
        {
            GzipFraming.WriteHeader(this.output, this.level);
            this.headerWritten = true;
        }
    }
}
