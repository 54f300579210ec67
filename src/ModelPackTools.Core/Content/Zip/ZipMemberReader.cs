using System.Buffers.Binary;
using System.Text;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip.Compression;
using ICSharpCode.SharpZipLib.Zip.Compression.Streams;

namespace ModelPackTools.Content.Zip;

/// <summary>
/// Reads one member the way a strict reader would: its local header must agree with the central record (name, flags,
/// method: a lenient reader trusting the local header sees another file), and the bytes must have the recorded size
/// and CRC-32. Only members the scan needs (the pickles) are read; tensor payloads are not.
/// </summary>
public static class ZipMemberReader
{
    /// <summary>The largest member the scan reads into memory (a data.pkl is kilobytes).</summary>
    public const long MaxMemberBytes = 256 << 20;

    private const uint LocalSignature = 0x04034b50;

    /// <summary>The problem with the member's local header, or null; <paramref name="dataOffset"/> is where its data starts.</summary>
    public static string? CheckLocalHeader(Stream file, ZipEntry entry, out long dataOffset)
    {
        dataOffset = 0;
        byte[] header = ZipDirectory.ReadAt(file, entry.LocalHeaderOffset, 30);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature)
        {
            return $"'{entry.Name}' has no local header where the central directory points";
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        dataOffset = entry.LocalHeaderOffset + 30 + nameLength + extraLength;
        if (dataOffset + entry.CompressedSize > file.Length)
        {
            return $"'{entry.Name}' runs past the end of the file";
        }

        string localName = Encoding.UTF8.GetString(ZipDirectory.ReadAt(file, entry.LocalHeaderOffset + 30, nameLength));
        if (localName != entry.Name)
        {
            return $"the local header of '{entry.Name}' names '{localName}'";
        }

        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
        ushort method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        return flags != entry.Flags || method != entry.Method
            ? $"the local header of '{entry.Name}' disagrees with the central directory on its flags or method"
            : null;
    }

    /// <summary>The member's bytes, or the reason they cannot be trusted (size, CRC-32, deflate stream, limit).</summary>
    public static (byte[]? Data, string? Problem) Read(Stream file, ZipEntry entry, long dataOffset)
    {
        if (entry.Size > MaxMemberBytes || entry.CompressedSize > MaxMemberBytes)
        {
            return (null, $"'{entry.Name}' is larger than the {MaxMemberBytes >> 20} MiB the scan reads");
        }

        byte[] stored = ZipDirectory.ReadAt(file, dataOffset, (int)entry.CompressedSize);
        byte[] data = stored;
        if (entry.Method == 8)
        {
            try
            {
                // SharpZipLib's inflater, like the archive reader's: the engine keeps off System.IO.Compression.
                using var inflate = new InflaterInputStream(new MemoryStream(stored), new Inflater(noHeader: true)) { IsStreamOwner = true };
                data = new byte[entry.Size];
                inflate.ReadExactly(data);
                if (inflate.ReadByte() >= 0)
                {
                    return (null, $"'{entry.Name}' inflates to more than its recorded {entry.Size} bytes");
                }
            }
            catch (Exception e) when (e is SharpZipBaseException or EndOfStreamException)
            {
                return (null, $"'{entry.Name}' is not a complete deflate stream of {entry.Size} bytes");
            }
        }
        else if (entry.Size != entry.CompressedSize)
        {
            return (null, $"the stored member '{entry.Name}' has different compressed and uncompressed sizes");
        }

        return System.IO.Hashing.Crc32.HashToUInt32(data) == entry.Crc32
            ? (data, null)
            : (null, $"'{entry.Name}' fails its CRC-32");
    }
}
