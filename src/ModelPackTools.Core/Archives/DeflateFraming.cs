namespace ModelPackTools.Archives;

/// <summary>
/// Deflate blocks written by hand (RFC 1951): stored blocks for data that would not shrink, and the empty final
/// block that ends the stream after the last compressed segment. Every segment starts on a byte boundary, so a
/// stored block's 3 header bits plus padding make exactly one zero byte.
/// </summary>
internal static class DeflateFraming
{
    public const int MaxStoredBlockLength = 65535;

    private const int StoredHeaderLength = 5;

    /// <summary>BFINAL=1, BTYPE=01 (fixed Huffman), end-of-block: what zlib writes on Z_FINISH with no input.</summary>
    public static ReadOnlySpan<byte> FinalEmptyBlock => [0x03, 0x00];

    public static long StoredLength(long dataLength) =>
        dataLength + (StoredHeaderLength * ((dataLength + MaxStoredBlockLength - 1) / MaxStoredBlockLength));

    public static void WriteStored(Stream output, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[StoredHeaderLength];
        while (!data.IsEmpty)
        {
            var length = Math.Min(data.Length, MaxStoredBlockLength);
            header[0] = 0; // BFINAL=0, BTYPE=00, padding
            header[1] = (byte)length;
            header[2] = (byte)(length >> 8);
            header[3] = (byte)~length;
            header[4] = (byte)(~length >> 8);
            output.Write(header);
            output.Write(data[..length]);
            data = data[length..];
        }
    }
}
