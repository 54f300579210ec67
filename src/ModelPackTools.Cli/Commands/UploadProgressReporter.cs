using System.Diagnostics;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// Plain progress lines on stderr (bytes done, rate), at most one every few seconds: readable in a CI log, where a
/// redrawn progress bar is noise. Called from many upload threads at once.
/// </summary>
internal sealed class UploadProgressReporter(TextWriter error, long totalBytes) : IProgress<long>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock sync = new();
    private long done;
    private TimeSpan lastLine;

    public void Report(long value)
    {
        lock (this.sync)
        {
            this.done += value;
            if (this.clock.Elapsed - this.lastLine >= Interval)
            {
                this.lastLine = this.clock.Elapsed;
                this.WriteLine();
            }
        }
    }

    public void Finish()
    {
        lock (this.sync)
        {
            this.WriteLine();
        }
    }

    private void WriteLine()
    {
        var seconds = Math.Max(this.clock.Elapsed.TotalSeconds, 0.001);
        error.WriteLine($"modelpack: uploaded {Mebibytes(this.done)} of {Mebibytes(totalBytes)} in {seconds:0.0} s ({Mebibytes(this.done / seconds)}/s)");
    }

    private static string Mebibytes(double bytes) => $"{bytes / (1 << 20):0.0} MiB";
}
