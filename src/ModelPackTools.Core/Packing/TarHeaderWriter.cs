using System.Globalization;
using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Packing;

/// <summary>
/// Writes ustar headers with every varying field fixed: uid/gid 0, empty owner names, one mtime, normalised modes.
/// A PAX extended header is added only when a name or size does not fit ustar, so ordinary models produce plain
/// ustar that every extractor reads the same way.
/// </summary>
internal static class TarHeaderWriter
{
    public const int BlockSize = 512;
    private const long MaxOctalSize = 8589934591; // 11 octal digits: 8 GiB - 1

    public static void WriteMember(Stream output, PackEntry entry, long modificationTime)
    {
        var name = entry.IsDirectory ? entry.Path + "/" : entry.Path;
        var nameBytes = RawNameText.Encode(name); // the name's stored bytes, UTF-8 or not, as GNU tar writes them
        var (prefix, shortName) = SplitForUstar(nameBytes);
        var needsPaxPath = shortName is null;
        var needsPaxSize = entry.Size > MaxOctalSize;
        if (needsPaxPath || needsPaxSize)
        {
            var records = new List<byte>();
            if (needsPaxPath)
            {
                // POSIX pax: path is UTF-8 unless a hdrcharset=BINARY record says its bytes are kept as they are; bsdtar
                // writes that record before a path that is not UTF-8 and, without it, lists the name but exits 1
                // ("Pathname can't be converted from UTF-8"). GNU tar 1.34 ignores the keyword with a warning and
                // keeps the bytes; Python and busybox read the bytes either way.
                if (RawNameText.HasRawBytes(name))
                {
                    records.AddRange(PaxRecord("hdrcharset", "BINARY"u8.ToArray()));
                }

                records.AddRange(PaxRecord("path", nameBytes));
            }

            if (needsPaxSize)
            {
                records.AddRange(PaxRecord("size", Encoding.ASCII.GetBytes(entry.Size.ToString(CultureInfo.InvariantCulture))));
            }

            // The extended header's own name is fixed, not the process id GNU tar puts there.
            var paxName = Truncate("PaxHeaders/" + Path.GetFileName(entry.Path), 100);
            WriteHeader(output, RawNameText.Encode(paxName), [], 'x', records.Count, 0x1A4, modificationTime);
            output.Write(records.ToArray());
            Pad(output, records.Count);
        }

        var mode = entry.IsDirectory || entry.IsExecutable ? 0x1ED : 0x1A4; // 0755 : 0644
        var size = entry.IsDirectory ? 0 : Math.Min(entry.Size, MaxOctalSize);
        WriteHeader(output, shortName ?? RawNameText.Encode(Truncate(name, 100)), prefix ?? [], entry.IsDirectory ? '5' : '0', size, mode, modificationTime);
    }

    public static void Pad(Stream output, long length)
    {
        var rest = (int)(length % BlockSize);
        if (rest != 0)
        {
            output.Write(new byte[BlockSize - rest]);
        }
    }

    /// <summary>ustar stores up to 255 bytes as prefix (155) + '/' + name (100), split at a slash.</summary>
    private static (byte[]? Prefix, byte[]? Name) SplitForUstar(byte[] name)
    {
        if (name.Length <= 100)
        {
            return ([], name);
        }

        for (var i = Math.Min(155, name.Length - 1); i > 0; i--)
        {
            if (name[i] == (byte)'/' && name.Length - i - 1 <= 100 && name.Length - i - 1 > 0)
            {
                return (name[..i], name[(i + 1)..]);
            }
        }

        return (null, null);
    }

    private static void WriteHeader(Stream output, byte[] name, byte[] prefix, char type, long size, int mode, long modificationTime)
    {
        var header = new byte[BlockSize];
        name.CopyTo(header, 0);
        Octal(mode, 8).CopyTo(header, 100);
        Octal(0, 8).CopyTo(header, 108);
        Octal(0, 8).CopyTo(header, 116);
        Octal(size, 12).CopyTo(header, 124);
        Octal(modificationTime, 12).CopyTo(header, 136);
        header[156] = (byte)type;
        "ustar\000"u8.CopyTo(header.AsSpan(257));
        prefix.CopyTo(header, 345);
        header.AsSpan(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        output.Write(header);
    }

    private static byte[] Octal(long value, int width) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(width - 1, '0') + "\0");

    private static byte[] PaxRecord(string key, byte[] value)
    {
        var body = key.Length + value.Length + 3;
        var length = body + body.ToString(CultureInfo.InvariantCulture).Length;
        if (length.ToString(CultureInfo.InvariantCulture).Length != body.ToString(CultureInfo.InvariantCulture).Length)
        {
            length++;
        }

        return [.. Encoding.ASCII.GetBytes($"{length} {key}="), .. value, (byte)'\n'];
    }

    private static string Truncate(string text, int maxBytes)
    {
        while (RawNameText.ByteCount(text) > maxBytes)
        {
            text = text[..^1];
        }

        return text;
    }
}
