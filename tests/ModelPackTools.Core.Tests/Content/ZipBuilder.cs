using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>
/// Writes a ZIP byte by byte (APPNOTE.TXT: local headers, stored data, central directory, end record), with the
/// knobs a tampered file needs: another name in the local header, a wrong CRC, flag bits, bytes before the archive.
/// </summary>
internal sealed class ZipBuilder
{
    private readonly List<Member> members = [];

    public byte[] Prefix { get; init; } = [];

    public ZipBuilder Add(string name, byte[] data, string? localName = null, uint? crc = null, ushort flags = 0, bool deflate = false)
    {
        this.members.Add(new Member(name, data, localName ?? name, crc ?? Crc32.HashToUInt32(data), flags, deflate ? Deflate(data) : null));
        return this;
    }

    // Raw deflate (method 8, no zlib header), as zip writers store it.
    private static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>What torch.save writes: archive/data.pkl, archive/version, and one storage record per key under archive/data/.</summary>
    public static ZipBuilder Torch(byte[] dataPkl, params string[] storages)
    {
        var zip = new ZipBuilder().Add("archive/data.pkl", dataPkl).Add("archive/version", "3\n"u8.ToArray());
        foreach (var key in storages)
        {
            zip.Add($"archive/data/{key}", new byte[8]);
        }

        return zip;
    }

    public byte[] Build()
    {
        var file = new MemoryStream();
        file.Write(this.Prefix);
        var offsets = new List<long>();
        foreach (var m in this.members)
        {
            offsets.Add(file.Position); // offsets adjusted for the prefix, as `zip -A` does: the harder case
            byte[] name = Encoding.UTF8.GetBytes(m.LocalName);
            var header = new byte[30].AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], m.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], m.Method);
            BinaryPrimitives.WriteUInt32LittleEndian(header[14..], m.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)m.Stored.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)m.Data.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)name.Length);
            file.Write(header);
            file.Write(name);
            file.Write(m.Stored);
        }

        long directory = file.Position;
        for (int i = 0; i < this.members.Count; i++)
        {
            var m = this.members[i];
            byte[] name = Encoding.UTF8.GetBytes(m.Name);
            var record = new byte[46].AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(record, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(record[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(record[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(record[8..], m.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(record[10..], m.Method);
            BinaryPrimitives.WriteUInt32LittleEndian(record[16..], m.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(record[20..], (uint)m.Stored.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[24..], (uint)m.Data.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(record[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[42..], (uint)offsets[i]);
            file.Write(record);
            file.Write(name);
        }

        long directorySize = file.Position - directory;
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)this.members.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)this.members.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directory);
        file.Write(end);
        return file.ToArray();
    }

    private sealed record Member(string Name, byte[] Data, string LocalName, uint Crc, ushort Flags, byte[]? Deflated)
    {
        public byte[] Stored => this.Deflated ?? this.Data;

        public ushort Method => this.Deflated is null ? (ushort)0 : (ushort)8;
    }
}
