using ModelPackTools.Archives.Deflate;

namespace ModelPackTools.Tests.Archives.Deflate;

public sealed class HuffmanCodeTests
{
    [Fact]
    public void Fibonacci_frequencies_are_cut_to_the_limit_and_the_code_stays_complete()
    {
        // Fibonacci weights make the deepest possible Huffman tree: 29 symbols would need 28 bits.
        var frequencies = new long[29];
        frequencies[0] = 1;
        frequencies[1] = 1;
        for (var i = 2; i < frequencies.Length; i++)
        {
            frequencies[i] = frequencies[i - 1] + frequencies[i - 2];
        }

        var code = HuffmanCode.Build(frequencies, 15);

        Assert.All(code.Lengths, length => Assert.InRange(length, 1, 15));
        Assert.Equal(1.0, code.Lengths.Sum(length => Math.Pow(2, -length)), 12);
    }

    [Fact]
    public void An_unlimited_tree_is_an_optimal_Huffman_code()
    {
        long[] frequencies = [45, 13, 12, 16, 9, 5];

        var code = HuffmanCode.Build(frequencies, 15);

        // The textbook example (CLRS 16.3): 224 bits.
        Assert.Equal(224, code.CostInBits(frequencies));
    }

    [Fact]
    public void A_single_used_symbol_gets_a_partner_so_the_code_has_two_codes()
    {
        var frequencies = new long[19];
        frequencies[8] = 100;

        var code = HuffmanCode.Build(frequencies, 7);

        Assert.Equal(1, code.Lengths[8]);
        Assert.Equal(1, code.Lengths[0]);
        Assert.Equal(2, code.Lengths.Count(length => length != 0));
    }

    [Fact]
    public void Canonical_codes_follow_RFC_1951_example()
    {
        // RFC 1951 section 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give codes 010 011 100 101 110 00 1110 1111.
        var code = HuffmanCode.FromLengths([3, 3, 3, 3, 3, 2, 4, 4]);
        int[] expected = [0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111];

        for (var symbol = 0; symbol < expected.Length; symbol++)
        {
            Assert.Equal(Reverse(expected[symbol], code.Lengths[symbol]), code.ReversedCodes[symbol]);
        }
    }

    private static int Reverse(int code, int length)
    {
        var result = 0;
        for (var i = 0; i < length; i++)
        {
            result = (result << 1) | ((code >> i) & 1);
        }

        return result;
    }
}
