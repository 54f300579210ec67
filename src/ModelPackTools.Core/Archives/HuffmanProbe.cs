using ModelPackTools.Archives.Deflate;

namespace ModelPackTools.Archives;

/// <summary>
/// Decides per block whether LZ77 string matching earns its cost. On float weights it finds almost nothing, and
/// the literals-only coder is several times faster and as small or smaller; on text it is 2-8x worse, so the choice
/// is measured, not assumed: a few small slices spread over the block are costed both ways and literals-only wins
/// only if it is at most 1/256 larger. Both costs come from the project's own code paths (the literal coder's exact
/// size from the histogram, its LZ77 coder for matching), never the runtime's zlib-ng, and the decision reads
/// only the block's bytes, so it is the same for any thread count and on any machine. Matching is costed at level 1
/// (greedy, short hash chains), several times cheaper than level 6 and a little larger: that errs towards the fast
/// literal coder only where the two are within a few percent anyway, while text is 2x or more apart.
/// </summary>
internal static class HuffmanProbe
{
    private const int SliceCount = 4;
    private const int MaxSliceLength = 8 * 1024;
    private const int MinSliceLength = 1024;
    private const int ProbeLevel = 1;

    public static bool PrefersHuffmanOnly(ReadOnlySpan<byte> data, int level)
    {
        var sliceLength = Math.Min(MaxSliceLength, data.Length / SliceCount);
        if (sliceLength < MinSliceLength)
        {
            // Too little to judge; matching is the choice that never costs ratio.
            return false;
        }

        var stride = data.Length / SliceCount;
        long matched = 0;
        long literalsOnly = 0;
        for (var i = 0; i < SliceCount; i++)
        {
            var slice = data.Slice(i * stride, sliceLength);
            matched += Lz77BlockEncoder.MeasureLength(slice, Math.Min(level, ProbeLevel));
            literalsOnly += LiteralBlockEncoder.Plan(slice).SegmentLength;
        }

        return literalsOnly <= matched + (matched / 256);
    }
}
