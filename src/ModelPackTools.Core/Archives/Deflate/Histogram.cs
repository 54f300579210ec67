namespace ModelPackTools.Archives.Deflate;

/// <summary>Byte frequencies, counted into four tables so consecutive equal bytes do not stall on one counter.</summary>
internal static class Histogram
{
    public static void Count(ReadOnlySpan<byte> data, Span<long> frequencies)
    {
        Span<int> counts = stackalloc int[4 * 256];
        counts.Clear();
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            counts[data[i]]++;
            counts[256 + data[i + 1]]++;
            counts[512 + data[i + 2]]++;
            counts[768 + data[i + 3]]++;
        }

        for (; i < data.Length; i++)
        {
            counts[data[i]]++;
        }

        for (var symbol = 0; symbol < 256; symbol++)
        {
            frequencies[symbol] += (long)counts[symbol] + counts[256 + symbol] + counts[512 + symbol] + counts[768 + symbol];
        }
    }
}
