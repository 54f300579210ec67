namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// Codes a block with LZ77 matching and Huffman coding, all in the project's own code (<see cref="MatchFinder"/>,
/// <see cref="TokenSink"/>): for text, where matching pays 2-8x. The previous block's tail is history, as pigz
/// primes each block's deflater with deflateSetDictionary, so no ratio is lost at block boundaries.
/// </summary>
/// <remarks>
/// Each thread keeps one window, matcher and token buffer (about 1.3 MiB for 1 MiB blocks) and reuses them for every
/// block it codes, so coding allocates nothing per block beyond the small Huffman tables.
/// </remarks>
internal static class Lz77BlockEncoder
{
    [ThreadStatic]
    private static State? perThread;

    /// <summary>
    /// Writes the segment into <paramref name="output"/> (capacity + <see cref="DeflateBitWriter.Slack"/> bytes) and
    /// returns its length, or -1 when it would not fit in <paramref name="capacity"/> bytes (better stored).
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> history, ReadOnlySpan<byte> data, int level, byte[] output, int capacity)
    {
        if (output.Length < capacity + DeflateBitWriter.Slack)
        {
            throw new ArgumentException("The output needs room for the bit writer's slack.", nameof(output));
        }

        var state = perThread ??= new State();
        history = history[Math.Max(0, history.Length - LengthDistanceCodes.MaxDistance)..];
        var window = state.Window(history.Length + data.Length);
        history.CopyTo(window);
        data.CopyTo(window.AsSpan(history.Length));
        state.Sink.Begin(output, capacity);
        state.Finder.Run(window, history.Length, history.Length + data.Length, MatchSettings.ForLevel(level), state.Sink);
        return state.Sink.Finish();
    }

    /// <summary>The length the data alone would code to, for the probe.</summary>
    public static int MeasureLength(ReadOnlySpan<byte> data, int level)
    {
        var state = perThread ??= new State();
        var capacity = data.Length + (data.Length / 8) + 64;
        if (state.Scratch.Length < capacity + DeflateBitWriter.Slack)
        {
            state.Scratch = new byte[capacity + DeflateBitWriter.Slack];
        }

        return Encode([], data, level, state.Scratch, capacity);
    }

    private sealed class State
    {
        private byte[] window = [];

        public MatchFinder Finder { get; } = new();

        public TokenSink Sink { get; } = new();

        public byte[] Scratch { get; set; } = [];

        /// <summary>A window of at least the length, plus 8 bytes the matcher may read past the end.</summary>
        public byte[] Window(int length)
        {
            if (this.window.Length < length + 8)
            {
                this.window = new byte[length + 8];
            }

            return this.window;
        }
    }
}
