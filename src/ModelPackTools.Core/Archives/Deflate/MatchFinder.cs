using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// LZ77 string matching over one window (history, then the data to code) with hash chains, the way zlib's
/// deflate_fast and deflate_slow do it: a hash of the next 4 bytes heads a chain of earlier positions with the
/// same hash, each search walks at most <see cref="MatchSettings.Chain"/> of them, and the lazy levels emit a
/// match only if the next position does not start a longer one. Tokens go to a <see cref="TokenSink"/>.
/// </summary>
/// <remarks>
/// Deterministic: the output depends only on the window's bytes and the settings. The hash tables are reused by a
/// thread from call to call, but every chain starts at <c>head</c>, which is emptied per call, and a chain link is
/// only followed from a position inserted in this call, so nothing left over from an earlier block is ever read.
/// Comparing 8 bytes at a time (XOR, trailing zero count) finds the same match lengths as a byte loop.
/// </remarks>
internal sealed class MatchFinder
{
    private const int HashBits = 15;

    /// <summary>
    /// Bytes hashed per position. zlib hashes 3; hashing 4 (as zlib-ng does) keeps chains to real candidates, so a
    /// search finds as long matches with fewer steps (<see cref="MatchSettings"/> has the figures). Only positions
    /// with 4 bytes left are hashed, so nothing past the data is ever read into a hash.
    /// </summary>
    private const int HashLength = 4;
    private const int WindowMask = LengthDistanceCodes.MaxDistance - 1;

    /// <summary>zlib's TOO_FAR: a lazy level drops a 3-byte match this far back, a literal pair is cheaper.</summary>
    private const int TooFar = 4096;

    /// <summary>Per hash, the last position inserted plus <see cref="epoch"/>; anything below the epoch is empty.</summary>
    private readonly int[] head = new int[1 << HashBits];
    private readonly int[] prev = new int[LengthDistanceCodes.MaxDistance];

    /// <summary>
    /// Added to every position stored in <see cref="head"/> and raised past the last one after each call, which
    /// empties the table without clearing it: the probe matches four 8 KiB slices per block, and clearing 128 KiB of
    /// heads each time cost more than the matching.
    /// </summary>
    private int epoch = int.MaxValue;

    /// <summary>
    /// Matches <c>window[start..end]</c>, with <c>window[..start]</c> as history; <paramref name="window"/> must hold
    /// 8 readable bytes past <paramref name="end"/> (their values do not matter).
    /// </summary>
    public void Run(byte[] window, int start, int end, MatchSettings settings, TokenSink sink)
    {
        if (this.epoch > int.MaxValue - end - 1)
        {
            Array.Clear(this.head);
            this.epoch = 1;
        }

        for (var p = Math.Max(0, start - LengthDistanceCodes.MaxDistance); p < start; p++)
        {
            if (end - p >= HashLength)
            {
                this.Insert(window, p);
            }
        }

        if (settings.IsLazy)
        {
            this.RunLazy(window, start, end, settings, sink);
        }
        else
        {
            this.RunGreedy(window, start, end, settings, sink);
        }

        this.epoch += end + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ref byte window, int position) =>
        (int)(Read32(ref window, position) * 0x9E3779B1u >> (32 - HashBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Read32(ref byte window, int position)
    {
        var value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref window, position));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte window, int position)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref window, position));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>Length of the common prefix of the strings at a and b, at most max (8 readable bytes past both).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CommonLength(ref byte window, int a, int b, int max)
    {
        var length = 0;
        while (length < max)
        {
            var difference = Read64(ref window, a + length) ^ Read64(ref window, b + length);
            if (difference != 0)
            {
                return Math.Min(max, length + (BitOperations.TrailingZeroCount(difference) >> 3));
            }

            length += 8;
        }

        return max;
    }

    /// <summary>Makes the position the head of its hash's chain and returns the previous head (-1 for none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Insert(byte[] window, int position)
    {
        // The hash has HashBits bits and the mask keeps the index in the window: both in bounds without a check.
        ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(this.head), Hash(ref MemoryMarshal.GetArrayDataReference(window), position));
        var previous = slot - this.epoch; // negative: empty, or left by an earlier call
        previous = previous < 0 ? -1 : previous;
        slot = position + this.epoch;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(this.prev), position & WindowMask) = previous;
        return previous;
    }

    /// <summary>
    /// zlib's longest_match: the longest string at an earlier position than <paramref name="position"/> on the chain
    /// from <paramref name="candidate"/>, if longer than <paramref name="best"/>; returns its length (or best).
    /// </summary>
    private int LongestMatch(byte[] window, int position, int end, int candidate, int best, MatchSettings settings, ref int matchPosition)
    {
        var chain = best >= settings.Good ? settings.Chain >> 2 : settings.Chain;
        var max = Math.Min(LengthDistanceCodes.MaxMatch, end - position);
        var nice = Math.Min(settings.Nice, max);
        if (best >= max)
        {
            return best;
        }

        // Every candidate is in [limit, position) and every read stays within max + 8 bytes of it, inside the window.
        ref var w = ref MemoryMarshal.GetArrayDataReference(window);
        ref var links = ref MemoryMarshal.GetArrayDataReference(this.prev);
        var limit = Math.Max(0, position - LengthDistanceCodes.MaxDistance); // -1 (no link) is below it too
        var start = Read16(ref w, position);
        var last = Read16(ref w, position + best - 1);
        var c = candidate;
        while (true)
        {
            // Cheap rejections first (zlib's scan_end): the two bytes that would end a longer match, then the first two.
            if (Read16(ref w, c + best - 1) == last && Read16(ref w, c) == start)
            {
                var length = CommonLength(ref w, c, position, max);
                if (length > best)
                {
                    best = length;
                    matchPosition = c;
                    if (length >= nice)
                    {
                        break;
                    }

                    last = Read16(ref w, position + best - 1);
                }
            }

            var next = Unsafe.Add(ref links, c & WindowMask);
            if (--chain == 0 || next >= c || next < limit)
            {
                break;
            }

            c = next;
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Read16(ref byte window, int position)
    {
        var value = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref window, position));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    private void RunGreedy(byte[] window, int start, int end, MatchSettings settings, TokenSink sink)
    {
        var position = start;
        while (position < end)
        {
            var length = 0;
            var matchPosition = 0;
            if (end - position >= HashLength)
            {
                var candidate = this.Insert(window, position);
                if (candidate >= 0 && position - candidate <= LengthDistanceCodes.MaxDistance)
                {
                    length = this.LongestMatch(window, position, end, candidate, LengthDistanceCodes.MinMatch - 1, settings, ref matchPosition);
                }
            }

            if (length >= LengthDistanceCodes.MinMatch)
            {
                sink.Match(length, position - matchPosition);
                var stop = position + length;
                if (length <= settings.Lazy)
                {
                    for (var p = position + 1; p < stop && end - p >= HashLength; p++)
                    {
                        this.Insert(window, p);
                    }
                }

                position = stop;
            }
            else
            {
                sink.Literal(window[position]);
                position++;
            }
        }
    }

    private void RunLazy(byte[] window, int start, int end, MatchSettings settings, TokenSink sink)
    {
        var position = start;
        var length = LengthDistanceCodes.MinMatch - 1;
        var matchPosition = 0;
        var literalPending = false;
        while (position < end)
        {
            var candidate = end - position >= HashLength ? this.Insert(window, position) : -1;
            var previousLength = length;
            var previousMatch = matchPosition;
            length = LengthDistanceCodes.MinMatch - 1;
            if (candidate >= 0 && previousLength < settings.Lazy && position - candidate <= LengthDistanceCodes.MaxDistance)
            {
                length = this.LongestMatch(window, position, end, candidate, previousLength, settings, ref matchPosition);
                if (length == LengthDistanceCodes.MinMatch && position - matchPosition > TooFar)
                {
                    length = LengthDistanceCodes.MinMatch - 1;
                }
            }

            if (previousLength >= LengthDistanceCodes.MinMatch && length <= previousLength)
            {
                // The match found one position back is at least as long: take it, hashing the strings it covers.
                sink.Match(previousLength, position - 1 - previousMatch);
                var stop = position - 1 + previousLength;
                for (var p = position + 1; p < stop && end - p >= HashLength; p++)
                {
                    this.Insert(window, p);
                }

                position = stop;
                literalPending = false;
                length = LengthDistanceCodes.MinMatch - 1;
            }
            else if (literalPending)
            {
                sink.Literal(window[position - 1]);
                position++;
            }
            else
            {
                literalPending = true;
                position++;
            }
        }

        if (literalPending)
        {
            sink.Literal(window[position - 1]);
        }
    }
}
