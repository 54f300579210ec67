namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// Deflate's length and distance alphabets (RFC 1951 section 3.2.5): which symbol a match length (3-258) or a
/// distance (1-32768) is sent as, and how many extra bits follow it; and the fixed Huffman code's lengths
/// (section 3.2.6). Tables are built once from the RFC's base/extra-bits lists, so they cannot drift from it.
/// </summary>
internal static class LengthDistanceCodes
{
    public const int MinMatch = 3;

    public const int MaxMatch = 258;

    public const int MaxDistance = 32 * 1024;

    /// <summary>Literal/length symbols that can occur: 0-255 literals, 256 end of block, 257-285 lengths.</summary>
    public const int LiteralLengthSymbols = 286;

    public const int DistanceSymbols = 30;

    private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];

    private static readonly byte[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

    private static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];

    private static readonly byte[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>Per length - 3: symbol - 257 in the low byte, extra bits in the next, the extra value above.</summary>
    private static readonly uint[] LengthTable = BuildLengthTable();

    /// <summary>Per distance - 1 below 256, then per (distance - 1) >> 7: the distance symbol (zlib's dist_code trick).</summary>
    private static readonly byte[] DistanceSymbolTable = BuildDistanceSymbolTable();

    /// <summary>The literal/length symbol (257-285) for a match length of 3-258.</summary>
    public static int LengthSymbol(int length) => 257 + (int)(LengthTable[length - MinMatch] & 0xFF);

    public static int LengthExtraBits(int length) => (int)((LengthTable[length - MinMatch] >> 8) & 0xFF);

    public static int LengthExtraValue(int length) => (int)(LengthTable[length - MinMatch] >> 16);

    /// <summary>The distance symbol (0-29) for a distance of 1-32768.</summary>
    public static int DistanceSymbol(int distance)
    {
        var d = distance - 1;
        return d < 256 ? DistanceSymbolTable[d] : DistanceSymbolTable[256 + (d >> 7)];
    }

    public static int DistanceExtraBits(int symbol) => DistanceExtra[symbol];

    public static int DistanceExtraValue(int distance, int symbol) => distance - DistanceBase[symbol];

    /// <summary>Extra bits after a length symbol, indexed by symbol - 257.</summary>
    public static int LengthSymbolExtraBits(int symbol) => LengthExtra[symbol - 257];

    /// <summary>The fixed code's literal/length lengths: 8 for 0-143, 9 for 144-255, 7 for 256-279, 8 for 280-287.</summary>
    public static byte[] FixedLiteralLengths()
    {
        var lengths = new byte[288];
        for (var symbol = 0; symbol < lengths.Length; symbol++)
        {
            lengths[symbol] = symbol switch
            {
                < 144 => 8,
                < 256 => 9,
                < 280 => 7,
                _ => 8,
            };
        }

        return lengths;
    }

    /// <summary>The fixed code's distance lengths: 5 bits for all 30 (32 in the code space).</summary>
    public static byte[] FixedDistanceLengths() => Enumerable.Repeat((byte)5, 32).ToArray();

    private static uint[] BuildLengthTable()
    {
        var table = new uint[MaxMatch - MinMatch + 1];
        for (var length = MinMatch; length <= MaxMatch; length++)
        {
            // Length 258 has its own symbol (285, no extra bits) although 284's range would reach it.
            var code = length == MaxMatch ? LengthBase.Length - 1 : Array.FindLastIndex(LengthBase, b => b <= length);
            table[length - MinMatch] = (uint)code | ((uint)LengthExtra[code] << 8) | ((uint)(length - LengthBase[code]) << 16);
        }

        return table;
    }

    private static byte[] BuildDistanceSymbolTable()
    {
        var table = new byte[256 + (MaxDistance >> 7)];
        for (var d = 0; d < MaxDistance; d++)
        {
            var symbol = (byte)Array.FindLastIndex(DistanceBase, b => b <= d + 1);
            if (d < 256)
            {
                table[d] = symbol;
            }
            else
            {
                // Above 256 every symbol's range is a multiple of 128, so (d >> 7) picks it.
                table[256 + (d >> 7)] = symbol;
            }
        }

        return table;
    }
}
