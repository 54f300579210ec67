namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// A canonical, length-limited Huffman code (RFC 1951 section 3.2.2) built from symbol frequencies, deterministically:
/// ties are broken by symbol number, so the same histogram always gives the same code on every machine.
/// </summary>
/// <remarks>
/// Lengths come from an ordinary Huffman tree (the two-queue method over leaves sorted by frequency); a tree deeper
/// than the limit is flattened the way miniz's tdefl_huffman_enforce_max_code_size does it: count the codes per
/// length, fold the too-long ones into the limit, then move codes down until the Kraft sum is exactly one, and give
/// the shortest lengths to the most frequent symbols. That is not optimal like package-merge, but on a 1 MiB block
/// the difference is a few bytes, and it always yields a complete code. At least two symbols always get a code
/// (an unused one is added if needed), as zlib's build_tree does: some inflaters reject a code with a single symbol.
/// </remarks>
internal sealed class HuffmanCode
{
    private HuffmanCode(byte[] lengths, ushort[] reversedCodes)
    {
        this.Lengths = lengths;
        this.ReversedCodes = reversedCodes;
    }

    /// <summary>Code length per symbol in bits, 0 for a symbol without a code.</summary>
    public byte[] Lengths { get; }

    /// <summary>The code of each symbol with its bits reversed, ready to go LSB first into the bit buffer.</summary>
    public ushort[] ReversedCodes { get; }

    public static HuffmanCode Build(ReadOnlySpan<long> frequencies, int maxLength)
    {
        // Scratch on the stack (at most 316 symbols: literal/length plus distance codes): a 1 MiB block builds five
        // codes (four for the probe's slices), and heap arrays here were most of what packing allocated: 172 MiB per
        // GiB of weights before, 90 MiB after.
        var lengths = new byte[frequencies.Length];
        Span<int> symbols = stackalloc int[frequencies.Length];
        var count = 0;
        for (var symbol = 0; symbol < frequencies.Length; symbol++)
        {
            if (frequencies[symbol] > 0)
            {
                symbols[count++] = symbol;
            }
        }

        // Pad with the lowest unused symbols: they cost one code of the longest length and are never sent.
        for (var symbol = 0; count < 2 && symbol < frequencies.Length; symbol++)
        {
            if (frequencies[symbol] == 0 && !symbols[..count].Contains(symbol))
            {
                symbols[count++] = symbol;
            }
        }

        // Sort by (frequency, symbol): the order fixes both the tree and which symbol gets which length.
        // Frequencies of a span fit in 2^40 and symbols in 2^9, so one long key holds both; keys are unique, so
        // the order is the same whatever the sort algorithm.
        symbols = symbols[..count];
        Span<long> keys = stackalloc long[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = (frequencies[symbols[i]] << 9) | (long)symbols[i];
        }

        keys.Sort(symbols);
        Span<long> nodeWeight = stackalloc long[count];
        Span<int> tree = stackalloc int[2 * ((2 * count) - 1)];
        var depths = TreeDepths(symbols, frequencies, nodeWeight, tree);
        var countPerLength = LimitedLengthCounts(depths, maxLength);

        // The most frequent symbols (the end of the sorted array) take the shortest lengths.
        var next = count - 1;
        for (var length = 1; length <= maxLength; length++)
        {
            for (var i = 0; i < countPerLength[length]; i++)
            {
                lengths[symbols[next--]] = (byte)length;
            }
        }

        return FromLengths(lengths);
    }

    /// <summary>Assigns canonical codes to given lengths (RFC 1951 section 3.2.2, the bl_count/next_code steps).</summary>
    public static HuffmanCode FromLengths(byte[] lengths)
    {
        Span<int> countPerLength = stackalloc int[16];
        foreach (var length in lengths)
        {
            countPerLength[length]++;
        }

        countPerLength[0] = 0;
        Span<int> nextCode = stackalloc int[16];
        var code = 0;
        for (var length = 1; length < 16; length++)
        {
            code = (code + countPerLength[length - 1]) << 1;
            nextCode[length] = code;
        }

        var reversed = new ushort[lengths.Length];
        for (var symbol = 0; symbol < lengths.Length; symbol++)
        {
            var length = lengths[symbol];
            if (length != 0)
            {
                reversed[symbol] = Reverse(nextCode[length]++, length);
            }
        }

        return new HuffmanCode(lengths, reversed);
    }

    /// <summary>The number of bits the data costs with this code: the sum of frequency x length.</summary>
    public long CostInBits(ReadOnlySpan<long> frequencies)
    {
        long bits = 0;
        for (var symbol = 0; symbol < frequencies.Length; symbol++)
        {
            bits += frequencies[symbol] * this.Lengths[symbol];
        }

        return bits;
    }

    private static ushort Reverse(int code, int length)
    {
        var result = 0;
        for (var i = 0; i < length; i++)
        {
            result = (result << 1) | (code & 1);
            code >>= 1;
        }

        return (ushort)result;
    }

    /// <summary>
    /// Depth of each leaf (in sorted order) in a Huffman tree, by the two-queue method: leaves are taken in sorted
    /// order, merged nodes come out of their queue in the order they were made, and on equal weight a leaf goes first.
    /// </summary>
    private static ReadOnlySpan<int> TreeDepths(ReadOnlySpan<int> sortedSymbols, ReadOnlySpan<long> frequencies, Span<long> nodeWeight, Span<int> scratch)
    {
        var leafCount = sortedSymbols.Length;
        var nodes = (2 * leafCount) - 1; // leaves 0..n-1, internal nodes n..2n-2
        var parent = scratch[..nodes];
        var depth = scratch[nodes..(2 * nodes)];
        var leaf = 0;
        var node = 0;
        for (var made = 0; made < leafCount - 1; made++)
        {
            var first = TakeSmallest(ref leaf, ref node, made, sortedSymbols, frequencies, nodeWeight, out var firstWeight);
            var second = TakeSmallest(ref leaf, ref node, made, sortedSymbols, frequencies, nodeWeight, out var secondWeight);
            nodeWeight[made] = firstWeight + secondWeight;
            parent[first] = leafCount + made;
            parent[second] = leafCount + made;
        }

        // Internal nodes are made in order, so a parent always has a higher index: depths resolve from the root down.
        depth[nodes - 1] = 0;
        for (var i = nodes - 2; i >= 0; i--)
        {
            depth[i] = depth[parent[i]] + 1;
        }

        return depth[..leafCount];
    }

    private static int TakeSmallest(
        ref int leaf, ref int node, int made, ReadOnlySpan<int> sortedSymbols, ReadOnlySpan<long> frequencies, Span<long> nodeWeight, out long weight)
    {
        if (leaf < sortedSymbols.Length && (node >= made || frequencies[sortedSymbols[leaf]] <= nodeWeight[node]))
        {
            weight = frequencies[sortedSymbols[leaf]];
            return leaf++;
        }

        weight = nodeWeight[node];
        return sortedSymbols.Length + node++;
    }

    /// <summary>How many codes of each length, with no code longer than the limit and the Kraft sum exactly one.</summary>
    private static int[] LimitedLengthCounts(ReadOnlySpan<int> depths, int maxLength)
    {
        var counts = new int[maxLength + 1];
        foreach (var depth in depths)
        {
            counts[Math.Min(depth, maxLength)]++;
        }

        // Kraft sum in units of 2^-maxLength; a complete code sums to exactly 2^maxLength.
        long total = 0;
        for (var length = 1; length <= maxLength; length++)
        {
            total += (long)counts[length] << (maxLength - length);
        }

        while (total > 1L << maxLength)
        {
            // Drop one code of the longest length and split one shorter leaf into two one level deeper.
            counts[maxLength]--;
            for (var length = maxLength - 1; length > 0; length--)
            {
                if (counts[length] != 0)
                {
                    counts[length]--;
                    counts[length + 1] += 2;
                    break;
                }
            }

            total--;
        }

        return counts;
    }
}
