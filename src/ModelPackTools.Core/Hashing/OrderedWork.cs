namespace ModelPackTools.Hashing;

/// <summary>
/// Steps that must run one after another (the chunks of one part, or of the whole object), each on the thread pool,
/// while other queues run in parallel. Inline queues run each step on the caller's thread instead.
/// </summary>
internal sealed class OrderedWork(bool inline)
{
    private Task tail = Task.CompletedTask;

    public Task Completion => this.tail;

    public void Post(Action step, ChunkBuffer? chunk = null)
    {
        if (inline)
        {
            try
            {
                step();
            }
            finally
            {
                chunk?.Release();
            }

            return;
        }

        // A failed step fails every later one, but each still releases its chunk so the producer never starves.
        this.tail = this.tail.ContinueWith(
            previous =>
            {
                try
                {
                    previous.GetAwaiter().GetResult();
                    step();
                }
                finally
                {
                    chunk?.Release();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }
}
