using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>
/// Field-level decoding of one 512-byte tar header block (V7, ustar, GNU). Kept apart from the reader because
/// every field is a place where tools disagree: numbers may be octal or base-256, strings may lack their NUL.
/// </summary>
internal static class TarHeaderFields
{
    public const int BlockSize = 512;

    public static bool IsZeroBlock(ReadOnlySpan<byte> block) => !block.ContainsAnyExcept((byte)0);

    /// <summary>
    /// POSIX checksum: the byte sum of the header with the checksum field read as eight spaces. Some old writers
    /// summed signed chars, so both sums are accepted, as GNU tar and Python do.
    /// </summary>
    public static bool ChecksumMatches(ReadOnlySpan<byte> block, out long stored)
    {
        stored = -1;
        if (!TryParseOctal(block.Slice(148, 8), out stored))
        {
            return false;
        }

        long unsignedSum = 0;
        long signedSum = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : block[i];
            unsignedSum += b;
            signedSum += (sbyte)b;
        }

        return stored == unsignedSum || stored == signedSum;
    }

    /// <summary>A NUL-terminated (or field-filling) string field, as raw bytes.</summary>
    public static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return end < 0 ? field : field[..end];
    }

    /// <summary>
    /// A numeric field: octal ASCII (leading spaces allowed, ended by space or NUL), or GNU base-256 when the high bit
    /// of the first byte is set. Negative base-256 values and values beyond a long are refused rather than wrapped.
    /// </summary>
    public static long Number(ReadOnlySpan<byte> field, string fieldName, string memberName)
    {
        if ((field[0] & 0x80) != 0)
        {
            if (field[0] == 0xFF)
            {
                throw new ArchiveFormatException(DiagnosticCatalog.MalformedHeader, $"member '{memberName}': the {fieldName} field holds a negative base-256 number");
            }

            long value = field[0] & 0x7F;
            for (var i = 1; i < field.Length; i++)
            {
                if (value > (long.MaxValue >> 8))
                {
                    throw new ArchiveFormatException(DiagnosticCatalog.MalformedHeader, $"member '{memberName}': the {fieldName} field overflows 63 bits");
                }

                value = (value << 8) | field[i];
            }

            return value;
        }

        if (!TryParseOctal(field, out var octal))
        {
            throw new ArchiveFormatException(
                DiagnosticCatalog.MalformedHeader,
                $"member '{memberName}': the {fieldName} field is not an octal number ('{Encoding.ASCII.GetString(field).Replace("\0", "\\0", StringComparison.Ordinal)}')");
        }

        return octal;
    }

    /// <summary>A numeric field that may not parse (uid and gid are informational; an unreadable one is not an error here).</summary>
    public static bool TryNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if ((field[0] & 0x80) == 0)
        {
            return TryParseOctal(field, out value);
        }

        if (field[0] == 0xFF)
        {
            return false;
        }

        value = field[0] & 0x7F;
        for (var i = 1; i < field.Length; i++)
        {
            if (value > (long.MaxValue >> 8))
            {
                return false;
            }

            value = (value << 8) | field[i];
        }

        return true;
    }

    /// <summary>
    /// Whether a ustar header's prefix area is the star layout: a 131-byte prefix (its last byte NUL), then atime and
    /// ctime as 12-byte octal fields at 476 and 488. Schily's star (GNU tar's tar.h `struct star_header`) and node-tar
    /// (header.js, whenever it keeps atime/ctime, its default) write it; node-tar reads the times back from there.
    /// Those 24 bytes are fields, not bytes hidden after the prefix's NUL.
    /// </summary>
    public static bool IsStarTimes(ReadOnlySpan<byte> header) =>
        header[475] == 0 && IsOctalTime(header.Slice(476, 12)) && IsOctalTime(header.Slice(488, 12));

    // Octal digits ended by NUL or space (star ends them with a space, node-tar with NUL).
    private static bool IsOctalTime(ReadOnlySpan<byte> field) =>
        (field[^1] is 0 or (byte)' ') && !field[..^1].ContainsAnyExceptInRange((byte)'0', (byte)'7');

    /// <summary>
    /// How many non-zero bytes follow the NUL that ends a string field. Writers fill the rest with NULs, and readers
    /// stop at the first one, so anything after it is seen by no tool.
    /// </summary>
    public static int HiddenBytes(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return end < 0 ? 0 : field.Length - end - 1 - field[(end + 1)..].Count((byte)0);
    }

    private static bool TryParseOctal(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var i = 0;
        while (i < field.Length && field[i] == (byte)' ')
        {
            i++;
        }

        var digits = 0;
        for (; i < field.Length; i++)
        {
            var b = field[i];
            if (b is (byte)' ' or 0)
            {
                break;
            }

            if (b is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(b - '0');
            digits++;
        }

        // After the terminator only spaces and NULs may follow.
        for (; i < field.Length; i++)
        {
            if (field[i] is not ((byte)' ' or 0))
            {
                return false;
            }
        }

        return true;
    }
}
