using System.Buffers.Binary;

namespace ModelPackTools.Archives;

/// <summary>
/// The gzip member header and trailer (RFC 1952), written by hand so that nothing varies between runs:
/// no file name, mtime 0, OS 255 (unknown).
/// </summary>
internal static class GzipFraming
{
    public const int HeaderLength = 10;

    public const int TrailerLength = 8;

    public static void WriteHeader(Stream output, int level)
    {
        ReadOnlySpan<byte> header = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, ExtraFlags(level), 255];
        output.Write(header);
    }

    public static void WriteTrailer(Stream output, uint crc, long length)
    {
        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);

        // ISIZE is the input length modulo 2^32.
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)length));
        output.Write(trailer);
    }

    /// <summary>XFL as zlib sets it: 2 for maximum compression, 4 for the fastest levels, else 0.</summary>
    internal static byte ExtraFlags(int level) => level switch
    {
        9 => 2,
        <= 1 => 4,
        _ => 0,
    };
}
