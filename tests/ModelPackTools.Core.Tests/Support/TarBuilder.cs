using System.IO.Compression;
using System.Text;

namespace ModelPackTools.Core.Tests.Support;

/// <summary>
/// Writes tar archives block by block, so tests can make the hostile headers that tar libraries refuse to write:
/// duplicate PAX keys, NUL in names, negative base-256 sizes, bad checksums, data after the end marker.
/// </summary>
internal sealed class TarBuilder
{
    private readonly MemoryStream output = new();

    public TarBuilder File(string name, string content = "data", int mode = 420) =>
        this.Entry(Encoding.UTF8.GetBytes(name), '0', Encoding.UTF8.GetBytes(content), mode);

    public TarBuilder Directory(string name, int mode = 493) => this.Entry(Encoding.UTF8.GetBytes(name), '5', [], mode);

    public TarBuilder Symlink(string name, string target) => this.Entry(Encoding.UTF8.GetBytes(name), '2', [], 511, target);

    public TarBuilder HardLink(string name, string target, int declaredSize = 0) =>
        this.Entry(Encoding.UTF8.GetBytes(name), '1', [], 420, target, sizeField: Octal(declaredSize, 12));

    /// <summary>One header block plus its data; every field can be overridden with raw bytes.</summary>
    public TarBuilder Entry(
        byte[] name,
        char type,
        byte[] data,
        int mode = 420,
        string? link = null,
        byte[]? sizeField = null,
        string magic = "ustar\0",
        string? prefix = null,
        bool badChecksum = false,
        bool writeData = true,
        Action<byte[]>? patch = null)
    {
        var header = new byte[512];
        name.AsSpan(0, Math.Min(100, name.Length)).CopyTo(header);
        Octal(mode, 8).CopyTo(header, 100);
        Octal(0, 8).CopyTo(header, 108);
        Octal(0, 8).CopyTo(header, 116);
        (sizeField ?? Octal(data.Length, 12)).CopyTo(header, 124);
        Octal(0, 12).CopyTo(header, 136);
        header[156] = (byte)type;
        if (link is not null)
        {
            Encoding.UTF8.GetBytes(link).CopyTo(header, 157);
        }

        Encoding.ASCII.GetBytes(magic).CopyTo(header, 257);
        if (magic == "ustar\0")
        {
            "00"u8.ToArray().CopyTo(header, 263);
        }

        if (prefix is not null)
        {
            Encoding.UTF8.GetBytes(prefix).CopyTo(header, 345);
        }

        patch?.Invoke(header);
        WriteChecksum(header, badChecksum);
        this.output.Write(header);
        if (writeData)
        {
            this.output.Write(data);
            this.Pad(data.Length);
        }

        return this;
    }

    public TarBuilder Pax(params (string Key, string Value)[] records) =>
        this.Extended('x', records.Select(r => (r.Key, Encoding.UTF8.GetBytes(r.Value))).ToArray());

    public TarBuilder PaxRaw(params (string Key, byte[] Value)[] records) => this.Extended('x', records);

    public TarBuilder GlobalPax(params (string Key, string Value)[] records) =>
        this.Extended('g', records.Select(r => (r.Key, Encoding.UTF8.GetBytes(r.Value))).ToArray());

    public TarBuilder GnuLongName(string name) =>
        this.Entry("././@LongLink"u8.ToArray(), 'L', [.. Encoding.UTF8.GetBytes(name), 0], magic: "ustar  \0");

    public TarBuilder Raw(byte[] bytes)
    {
        this.output.Write(bytes);
        return this;
    }

    public TarBuilder End(int zeroBlocks = 2)
    {
        this.output.Write(new byte[512 * zeroBlocks]);
        return this;
    }

    public byte[] ToArray() => this.output.ToArray();

    public byte[] ToGzip() => Gzip(this.ToArray());

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    public static byte[] Octal(long value, int width) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(width - 1, '0') + "\0");

    /// <summary>A PAX record: its decimal length counts the length digits themselves.</summary>
    public static byte[] PaxRecord(string key, byte[] value)
    {
        var body = Encoding.UTF8.GetByteCount(key) + value.Length + 3; // ' ', '=', '\n'
        var length = body + body.ToString().Length;
        if (length.ToString().Length != body.ToString().Length)
        {
            length++;
        }

        return [.. Encoding.ASCII.GetBytes($"{length} {key}="), .. value, (byte)'\n'];
    }

    private TarBuilder Extended(char type, (string Key, byte[] Value)[] records)
    {
        var data = records.SelectMany(r => PaxRecord(r.Key, r.Value)).ToArray();
        return this.Entry("PaxHeader"u8.ToArray(), type, data);
    }

    private void Pad(int length)
    {
        var rest = length % 512;
        if (rest != 0)
        {
            this.output.Write(new byte[512 - rest]);
        }
    }

    private static void WriteChecksum(byte[] header, bool corrupt)
    {
        for (var i = 148; i < 156; i++)
        {
            header[i] = (byte)' ';
        }

        var sum = header.Sum(b => b) + (corrupt ? 1 : 0);
        var field = Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ");
        field.CopyTo(header, 148);
    }
}
