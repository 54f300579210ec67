using System.Diagnostics;
using ModelPackTools.IO;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// Progress of long reads on stderr: on a terminal one line redrawn in place (bytes, percent, rate, ETA); in a CI log
/// a plain line every 15 seconds. Nothing at all for work that finishes within a second: quiet when things are fine.
/// </summary>
internal sealed class ConsoleProgress : IByteProgress, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly TextWriter error;
    private readonly bool interactive;
    private readonly string verb;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer timer;
    private long total = -1;
    private long done;
    private bool drawn;

    private ConsoleProgress(TextWriter error, bool interactive, string verb)
    {
        this.error = error;
        this.interactive = interactive;
        this.verb = verb;
        var period = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(15);
        this.timer = new Timer(_ => this.Draw(), null, interactive ? Quiet : period, period);
    }

    /// <summary>A display for the real console's stderr; null for any other writer (tests capture output exactly).</summary>
    public static ConsoleProgress? For(TextWriter error, string verb) =>
        ReferenceEquals(error, Console.Error) ? new ConsoleProgress(error, !Console.IsErrorRedirected, verb) : null;

    public void Start(long totalBytes) => Interlocked.Exchange(ref this.total, totalBytes);

    public void Advance(long bytes) => Interlocked.Add(ref this.done, bytes);

    public void Dispose()
    {
        this.timer.Dispose();
        lock (this.timer)
        {
            if (this.interactive && this.drawn)
            {
                this.error.Write("\r\u001b[2K");
            }
        }
    }

    private void Draw()
    {
        lock (this.timer)
        {
            var seconds = this.clock.Elapsed.TotalSeconds;
            var bytes = Interlocked.Read(ref this.done);
            var all = Interlocked.Read(ref this.total);
            var rate = seconds > 0 ? bytes / seconds : 0;
            var line = $"{this.verb} {TextReportWriter.FormatBytes(bytes)}";
            if (all > 0)
            {
                var eta = rate > 0 ? TimeSpan.FromSeconds((all - bytes) / rate) : TimeSpan.Zero;
                line += $" of {TextReportWriter.FormatBytes(all)} ({100.0 * bytes / all:0}%), {TextReportWriter.FormatBytes((long)rate)}/s, {eta:m\\:ss} left";
            }

            this.error.Write(this.interactive ? $"\r\u001b[2K{line}" : line + Environment.NewLine);
            this.drawn = true;
        }
    }
}
