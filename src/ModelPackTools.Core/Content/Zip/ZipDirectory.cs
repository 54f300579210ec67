using System.Buffers.Binary;
using System.Text;

namespace ModelPackTools.Content.Zip;

/// <summary>
/// Reads a ZIP file's central directory as PyTorch's reader does (miniz `mz_zip_reader_init`: the end-of-central-
/// directory record, zip64 when present, then the records), and rejects what a lenient reader lets through (PKWARE
/// APPNOTE.TXT is the reference for every field): encryption, flag bits no model writer sets, methods other than
/// stored and deflate, duplicate names, data before the first member, and a directory that does not end where the
/// end record says. The local headers are compared with it by <see cref="ZipLocalHeaders"/>.
/// </summary>
public static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint CentralSignature = 0x02014b50;
    private const int MaxComment = 0xffff;

    // Bit 0 encrypted, 6 strong encryption, 13 masked headers: never in a model. Bits 1-2 (deflate level), 3 (sizes in a
    // data descriptor: PyTorch's miniz writer sets it) and 11 (UTF-8 names) are what real writers set.
    private const ushort KnownFlags = 0b0000_1000_0000_1110;

    /// <summary>The records, or the first reason the directory cannot be trusted.</summary>
    public static (IReadOnlyList<ZipEntry> Entries, string? Problem) Read(Stream file)
    {
        long length = file.Length;
        int tailLength = (int)Math.Min(length, 22 + MaxComment);
        byte[] tail = ReadAt(file, length - tailLength, tailLength);
        int end = -1;
        for (int i = tail.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature && i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) == tail.Length)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return ([], "no end-of-central-directory record (truncated, or data after the archive)");
        }

        long endOffset = length - tailLength + end;
        ReadOnlySpan<byte> record = tail.AsSpan(end);
        long count = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        long directoryEnd = endOffset;
        if (BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(record[6..]) != 0)
        {
            return ([], "a multi-disk archive");
        }

        if (endOffset >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(ReadAt(file, endOffset - 20, 4)) == Zip64LocatorSignature)
        {
            long zip64End = BinaryPrimitives.ReadInt64LittleEndian(ReadAt(file, endOffset - 12, 8));
            if (zip64End < 0 || zip64End > endOffset - 20 - 56)
            {
                return ([], "the zip64 end record is outside the file");
            }

            byte[] zip64 = ReadAt(file, zip64End, 56);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndSignature)
            {
                return ([], "the zip64 locator points at no zip64 end record");
            }

            count = BinaryPrimitives.ReadInt64LittleEndian(zip64.AsSpan(32));
            directorySize = BinaryPrimitives.ReadInt64LittleEndian(zip64.AsSpan(40));
            directoryOffset = BinaryPrimitives.ReadInt64LittleEndian(zip64.AsSpan(48));
            directoryEnd = zip64End;
        }

        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize != directoryEnd || count < 0 || count > directorySize / 46)
        {
            return ([], "the central directory does not end where the end record says (data hidden between them)");
        }

        if (directorySize > 64 << 20)
        {
            return ([], "a central directory over 64 MiB");
        }

        byte[] directory = ReadAt(file, directoryOffset, (int)directorySize);
        var entries = new List<ZipEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int at = 0;
        for (long i = 0; i < count; i++)
        {
            if (at + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != CentralSignature)
            {
                return (entries, $"central record {i} is malformed");
            }

            ReadOnlySpan<byte> r = directory.AsSpan(at);
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(r[8..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(r[10..]);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(r[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(r[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(r[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(r[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(r[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(r[32..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(r[42..]);
            if (at + 46 + nameLength + extraLength + commentLength > directory.Length)
            {
                return (entries, $"central record {i} runs past the directory");
            }

            string name = Encoding.UTF8.GetString(r.Slice(46, nameLength));
            if (!Zip64Values(r.Slice(46 + nameLength, extraLength), ref size, ref compressed, ref offset))
            {
                return (entries, $"'{name}' has a malformed zip64 extra field");
            }

            if ((flags & 1) != 0 || (flags & 0x40) != 0)
            {
                return (entries, $"'{name}' is encrypted");
            }

            if ((flags & ~KnownFlags) != 0)
            {
                return (entries, $"'{name}' has unusual flag bits 0x{flags:x4}");
            }

            if (method is not 0 and not 8)
            {
                return (entries, $"'{name}' uses compression method {method} (only stored and deflate are read)");
            }

            if (!names.Add(name))
            {
                return (entries, $"'{name}' appears twice (readers disagree on which one counts)");
            }

            if (offset < 0 || offset + 30 > directoryOffset || compressed < 0 || offset + compressed > directoryOffset)
            {
                return (entries, $"'{name}' lies outside the archive's data");
            }

            entries.Add(new ZipEntry(name, flags, method, crc, compressed, size, offset));
            at += 46 + nameLength + extraLength + commentLength;
        }

        if (at != directory.Length)
        {
            return (entries, "bytes after the last central record");
        }

        if (entries.Count > 0 && entries.Min(e => e.LocalHeaderOffset) != 0)
        {
            return (entries, "data before the first member (a file prepended to the archive)");
        }

        return (entries, null);
    }

    internal static byte[] ReadAt(Stream file, long offset, int count)
    {
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The zip64 extended information field (id 1): each 64-bit value present only where the 32-bit one is 0xffffffff.</summary>
    internal static bool Zip64Values(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long offset)
    {
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (length > extra.Length - 4)
            {
                return false;
            }

            if (id == 1)
            {
                var field = extra.Slice(4, length);
                if (!Next(ref field, ref size) || !Next(ref field, ref compressed) || !Next(ref field, ref offset))
                {
                    return false;
                }
            }

            extra = extra[(4 + length)..];
        }

        return extra.Length == 0;
    }

    private static bool Next(ref ReadOnlySpan<byte> field, ref long value)
    {
        if (value != 0xffffffff)
        {
            return true;
        }

        if (field.Length < 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt64LittleEndian(field);
        field = field[8..];
        return value >= 0;
    }
}
