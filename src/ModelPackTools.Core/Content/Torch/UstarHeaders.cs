using System.Globalization;
using System.Text;

namespace ModelPackTools.Content.Torch;

/// <summary>One member of a tar as Python's tarfile sees it: its name after pax/GNU long-name records, type, and data range.</summary>
internal sealed record TarMember(string Name, byte Type, long HeaderOffset, long DataOffset, long Size)
{
    /// <summary>A regular file ('0', NUL, '7' contiguous): the only kind torch's legacy loader may read a member from.</summary>
    public bool IsRegular => this.Type is (byte)'0' or 0 or (byte)'7';
}

/// <summary>
/// The headers of a tar, without extracting anything (Archives has the real tar reader, above Content in the layer
/// graph): 512-byte headers (POSIX ustar, pax `x`/`g` records for `path` and `size`, GNU `L` long names), each
/// checksum verified, data skipped by size. Stricter than CPython's Lib/tarfile.py, which stops listing members at the
/// first bad header after the first one (so what follows it is invisible to it, but not to every reader): here a bad
/// checksum, a truncated header or member, a link or directory with data (tarfile would not skip that data but read it
/// as headers), a sparse member, two pax or long-name headers before one member, or a global pax header that sets a
/// path or size (readers disagree on which name wins) is an error. End of archive is a zero block or the end of the file at a block
/// boundary, as tarfile accepts.
/// </summary>
internal static class UstarHeaders
{
    public const int Block = 512;

    // Pax and GNU records are a few hundred bytes; a larger one is no torch file's.
    private const long MaxRecordBytes = 1 << 20;

    /// <summary>Whether a first block is a tar header: the ustar magic at 257, or a pre-POSIX (v7) header whose checksum holds.</summary>
    public static bool IsTarHeader(ReadOnlySpan<byte> block) =>
        block.Length >= Block && block[0] != 0 && (block.Slice(257, 5).SequenceEqual("ustar"u8) || ChecksumHolds(block));

    /// <summary>The members in order, or the first reason the headers cannot be read and the byte offset it is at.</summary>
    public static (List<TarMember> Members, string? Error, long ErrorOffset) Read(Stream file)
    {
        var members = new List<TarMember>();
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        string? longName = null;
        int extensions = 0;
        var header = new byte[Block];
        long pos = 0;
        long length = file.Length;
        while (true)
        {
            if (pos == length)
            {
                return (members, null, -1);
            }

            file.Position = pos;
            if (file.ReadAtLeast(header, Block, throwOnEndOfStream: false) < Block)
            {
                return (members, "a tar header cut short by the end of the file", pos);
            }

            if (header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
            {
                return (members, null, -1);
            }

            if (!ChecksumHolds(header))
            {
                return (members, "a tar header whose checksum is wrong", pos);
            }

            if (ParseNumber(header.AsSpan(124, 12)) is not { } size || size < 0)
            {
                return (members, "a tar header whose size field is not a number", pos);
            }

            byte type = header[156];
            long data = pos + Block;
            if (type is (byte)'x' or (byte)'g' or (byte)'L' or (byte)'K')
            {
                if (size > MaxRecordBytes || data + size > length)
                {
                    return (members, "a pax or long-name record that is too long or cut short", pos);
                }

                var record = new byte[size];
                file.Position = data;
                file.ReadExactly(record);

                // tarfile applies the outer of two stacked headers last (_proc_pax and _proc_gnulong read the next
                // header first), other readers the inner: two before one member is refused rather than guessed.
                if (type is (byte)'x' or (byte)'L' && ++extensions > 1)
                {
                    return (members, "two pax or long-name headers before one member", pos);
                }

                if (type == (byte)'L')
                {
                    longName = Encoding.UTF8.GetString(record).TrimEnd('\0');
                }
                else if (type != (byte)'K' && !ParsePax(record, type == (byte)'g' ? global : local))
                {
                    return (members, "pax records that cannot be read", pos);
                }

                // tarfile applies a global header's path and size only to members with their own pax header.
                if (type == (byte)'g' && (global.ContainsKey("path") || global.ContainsKey("size")))
                {
                    return (members, "a global pax header that sets a path or size", pos);
                }

                pos = data + RoundUp(size);
                continue;
            }

            var name = longName ?? HeaderName(header);
            var fields = new Dictionary<string, string>(global, StringComparer.Ordinal);
            foreach (var (key, value) in local)
            {
                fields[key] = value;
            }

            if (fields.TryGetValue("path", out var paxPath))
            {
                name = paxPath;
            }

            if (fields.TryGetValue("size", out var paxSize))
            {
                if (!long.TryParse(paxSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
                {
                    return (members, "a pax size that is not a number", pos);
                }
            }

            local.Clear();
            longName = null;
            extensions = 0;
            var member = new TarMember(name, type, pos, data, size);
            if (type == (byte)'S')
            {
                return (members, $"a GNU sparse member '{name}'", pos);
            }

            // tarfile skips data only for regular files and unknown types: a link or directory's data would be read as headers.
            bool hasNoData = type is (byte)'1' or (byte)'2' or (byte)'3' or (byte)'4' or (byte)'5' or (byte)'6';
            if (hasNoData && size != 0)
            {
                return (members, $"a link, device or directory '{name}' with data", pos);
            }

            if (data + size > length)
            {
                return (members, $"the member '{name}' cut short by the end of the file", pos);
            }

            members.Add(member);
            pos = data + RoundUp(size);
        }
    }

    private static long RoundUp(long size) => (size + Block - 1) / Block * Block;

    // POSIX ustar joins prefix (345, 155 bytes) and name (0, 100 bytes); GNU headers ("ustar  \0") use those bytes otherwise.
    private static string HeaderName(byte[] header)
    {
        var name = Text(header.AsSpan(0, 100));
        if (header.AsSpan(257, 6).SequenceEqual("ustar\0"u8) && Text(header.AsSpan(345, 155)) is { Length: > 0 } prefix)
        {
            name = prefix + "/" + name;
        }

        return name;
    }

    private static string Text(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    /// <summary>Octal digits (NUL- or space-terminated, as tarfile's nti reads them), or GNU base-256 when the top bit is set.</summary>
    private static long? ParseNumber(ReadOnlySpan<byte> field)
    {
        if (field[0] == 0x80)
        {
            long value = 0;
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                {
                    return null;
                }

                value = (value << 8) | b;
            }

            return value;
        }

        var text = Encoding.ASCII.GetString(field).Split('\0')[0].Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        long octal = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7' || octal > (long.MaxValue >> 3))
            {
                return null;
            }

            octal = (octal * 8) + (c - '0');
        }

        return octal;
    }

    // The header's bytes summed with the checksum field as spaces (POSIX; tarfile also accepts the signed sum).
    private static bool ChecksumHolds(ReadOnlySpan<byte> header)
    {
        if (ParseNumber(header.Slice(148, 8)) is not { } stored)
        {
            return false;
        }

        long unsigned = 8 * ' ', signed = 8 * ' ';
        for (int i = 0; i < Block; i++)
        {
            if (i is >= 148 and < 156)
            {
                continue;
            }

            unsigned += header[i];
            signed += (sbyte)header[i];
        }

        return stored == unsigned || stored == signed;
    }

    // "<length> <key>=<value>\n" records (POSIX pax); the length counts the whole record.
    private static bool ParsePax(byte[] record, Dictionary<string, string> into)
    {
        int pos = 0;
        while (pos < record.Length)
        {
            if (record[pos] == 0)
            {
                return true;
            }

            int space = Array.IndexOf(record, (byte)' ', pos);
            if (space < 0 || !int.TryParse(Encoding.ASCII.GetString(record, pos, space - pos), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length <= space - pos || pos + length > record.Length || record[pos + length - 1] != (byte)'\n')
            {
                return false;
            }

            var entry = Encoding.UTF8.GetString(record, space + 1, pos + length - space - 2);
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return false;
            }

            into[entry[..equals]] = entry[(equals + 1)..];
            pos += length;
        }

        return true;
    }
}
