using System.Collections.Concurrent;

namespace ModelPackTools.Archives;

/// <summary>
/// The threads that compress blocks: dedicated, not the thread pool's. The packer itself runs on a pool thread and
/// blocks while it waits for the oldest block, and on a 2-core machine the pool starts with 2 threads, so pool
/// workers left one core idle until the pool's starvation logic added threads (about one per half second):
/// measured, `--threads 2` packed the 66 MB text model slower than `--threads 1`. A thread is started per block
/// submitted until there are <c>count</c>, so a small archive starts only what it uses; they are background
/// threads, so a stream that is never disposed cannot keep the process alive.
/// </summary>
internal sealed class BlockWorkers
{
    private readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> queue = [];
    private readonly int count;
    private int started;

    public BlockWorkers(int count) => this.count = count;

    /// <summary>Queues the work; the task completes when it has run, with its exception if it threw.</summary>
    public Task Run(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        this.queue.Add((work, done));
        if (this.started < this.count)
        {
            this.started++;
            new Thread(this.Serve) { IsBackground = true, Name = "modelpack gzip" }.Start();
        }

        return done.Task;
    }

    /// <summary>No more work: the threads finish what is queued and exit.</summary>
    public void Stop() => this.queue.CompleteAdding();

    private void Serve()
    {
        foreach (var (work, done) in this.queue.GetConsumingEnumerable())
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
