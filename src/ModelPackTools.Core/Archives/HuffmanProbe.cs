using System.Buffers.Binary;
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
/// <para>
/// Before any matching, one pass over the slices counts the bytes covered by 4-byte strings seen earlier in the same
/// slice (one hash probe per position). Each such byte saves at most 8 bits, so when they are fewer than 1/256 of
/// the literal cost in bytes, matching cannot win by the margin above and is not costed: measured on the bench's
/// float32 weights, 0-12 such bytes per 32 KiB of slices against a bar of about 118, while text has 22,000-24,000.
/// That skipped the LZ77 costing, about 0.7 CPU s per GiB of weights (as much as their bit packing).
/// </para>
/// </summary>
internal static class HuffmanProbe
{
    private const int SliceCount = 4;
    private const int MaxSliceLength = 8 * 1024;
    private const int MinSliceLength = 1024;
    private const int ProbeLevel = 1;
    private const int RepeatHashBits = 12;

    public static bool PrefersHuffmanOnly(ReadOnlySpan<byte> data, int level)
    {
        var sliceLength = Math.Min(MaxSliceLength, data.Length / SliceCount);
        if (sliceLength < MinSliceLength)
        {
            // Too little to judge; matching is the choice that never costs ratio.
            return false;
        }

        var stride = data.Length / SliceCount;
        long literalsOnly = 0;
        long repeated = 0;
        for (var i = 0; i < SliceCount; i++)
        {
            var slice = data.Slice(i * stride, sliceLength);
            literalsOnly += LiteralBlockEncoder.Plan(slice).SegmentLength;
            repeated += RepeatedBytes(slice);
        }

        if (repeated * 256 < literalsOnly)
        {
            return true;
        }

        long matched = 0;
        for (var i = 0; i < SliceCount; i++)
        {
            matched += Lz77BlockEncoder.MeasureLength(data.Slice(i * stride, sliceLength), Math.Min(level, ProbeLevel));
        }

        return literalsOnly <= matched + (matched / 256);
    }

    /// <summary>
    /// Bytes inside strings of 4 or more that occur earlier in the slice, found greedily with one probe of a small
    /// hash table per position: what string matching could replace at best. Deterministic and scalar.
    /// </summary>
    internal static int RepeatedBytes(ReadOnlySpan<byte> slice)
    {
        Span<int> last = stackalloc int[1 << RepeatHashBits];
        last.Fill(-1);
        var covered = 0;
        var position = 0;
        while (position + 4 <= slice.Length)
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(slice[position..]);
            var hash = (int)((value * 0x9E3779B1u) >> (32 - RepeatHashBits));
            var candidate = last[hash];
            last[hash] = position;
            if (candidate >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(slice[candidate..]) == value)
            {
                var length = 4;
                while (position + length < slice.Length && length < LengthDistanceCodes.MaxMatch && slice[candidate + length] == slice[position + length])
                {
                    length++;
                }

                covered += length;
                position += length;
            }
            else
            {
                position++;
            }
        }

        return covered;
    }
}
