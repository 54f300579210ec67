using System.Collections.Concurrent;
using ModelPackTools.Archives;

namespace ModelPackTools.Tests.Archives;

public sealed class BlockWorkersTests
{
    [Fact]
    public async Task Work_runs_on_at_most_the_given_number_of_dedicated_threads()
    {
        var workers = new BlockWorkers(2);
        var threads = new ConcurrentDictionary<int, bool>();
        var tasks = Enumerable.Range(0, 20).Select(_ => workers.Run(() =>
        {
            threads[Environment.CurrentManagedThreadId] = Thread.CurrentThread.IsThreadPoolThread;
        })).ToArray();
        workers.Stop();
        await Task.WhenAll(tasks);

        Assert.InRange(threads.Count, 1, 2);
        Assert.All(threads.Values, isPoolThread => Assert.False(isPoolThread));
    }

    [Fact]
    public async Task A_failure_comes_out_of_its_own_task_and_later_work_still_runs()
    {
        var workers = new BlockWorkers(1);
        var failing = workers.Run(() => throw new InvalidDataException("block 1"));
        var ran = false;
        var next = workers.Run(() => ran = true);
        workers.Stop();

        Assert.Equal("block 1", (await Assert.ThrowsAsync<InvalidDataException>(() => failing)).Message);
        await next;
        Assert.True(ran);
    }
}
