using System.Text;

namespace ModelPackTools.Core.Tests.Content.Torch;

/// <summary>
/// Writes a tar byte by byte (POSIX ustar headers of 512 bytes, octal fields, the checksum over the header with its
/// own field as spaces, data padded to 512, two zero blocks), with the knobs a tampered file needs: a type flag, a
/// pax `path` record, a wrong checksum.
/// </summary>
internal sealed class TarBuilder
{
    private readonly MemoryStream tar = new();

    public TarBuilder Add(string name, byte[] data, byte type = (byte)'0', bool badChecksum = false)
    {
        this.tar.Write(Header(name, data.Length, type, badChecksum));
        this.tar.Write(data);
        this.tar.Write(new byte[(512 - (data.Length % 512)) % 512]);
        return this;
    }

    /// <summary>A pax extended header (type 'x') whose `path` renames the next member, as tarfile applies it.</summary>
    public TarBuilder PaxPath(string path)
    {
        var body = $" path={path}\n"; // "<length> path=<path>\n", the length counting its own digits
        var digits = 1;
        while ((digits + body.Length).ToString(System.Globalization.CultureInfo.InvariantCulture).Length != digits)
        {
            digits++;
        }

        return this.Add("././@PaxHeader", Encoding.UTF8.GetBytes($"{digits + body.Length}{body}"), (byte)'x');
    }

    public byte[] Build() => [.. this.tar.ToArray(), .. new byte[1024]];

    private static byte[] Header(string name, long size, byte type, bool badChecksum)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Octal(header, 100, 8, 420); // mode 0644
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, size);
        Octal(header, 136, 12, 0);
        header[156] = type;
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        header.AsSpan(148, 8).Fill((byte)' ');
        long sum = header.Sum(b => (long)b) + (badChecksum ? 1 : 0);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }

    private static void Octal(byte[] header, int at, int width, long value) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(width - 1, '0') + "\0").CopyTo(header, at);
}
