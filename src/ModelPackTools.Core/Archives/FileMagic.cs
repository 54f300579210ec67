namespace ModelPackTools.Archives;

/// <summary>
/// Names what a file is from its first bytes, for inputs that are not what SageMaker reads: other archive and
/// compression formats, executables, web pages, binary data. Magic numbers from each format's specification.
/// </summary>
public static class FileMagic
{
    private static readonly (byte[] Magic, int Offset, string What)[] Known =
    [
        ("PK\x03\x04"u8.ToArray(), 0, "a zip archive"),
        ("PK\x05\x06"u8.ToArray(), 0, "an empty zip archive"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], 0, "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "zstd-compressed data"),
        ("BZh"u8.ToArray(), 0, "bzip2-compressed data"),
        ([0x04, 0x22, 0x4D, 0x18], 0, "lz4-compressed data"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7z archive"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], 0, "an ELF executable"),
        ("Rar!\x1A\x07"u8.ToArray(), 0, "a RAR archive"),
        ([0x1F, 0x9D], 0, "compress (.Z) data"),
        ("\x89HDF\r\n\x1A\n"u8.ToArray(), 0, "an HDF5 file"),
        ("GGUF"u8.ToArray(), 0, "a GGUF model file"),
    ];

    /// <summary>What the bytes are, as a noun phrase ("a zip archive"); null when nothing is recognised.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, offset, what) in Known)
        {
            if (head.Length >= offset + magic.Length && head.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return what;
            }
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (StartsWithIgnoringCase(text, "<!doctype html"u8) || StartsWithIgnoringCase(text, "<html"u8))
        {
            return "an HTML page (an error or login page saved instead of the file?)";
        }

        if (StartsWithIgnoringCase(text, "<?xml"u8))
        {
            return "an XML document (an S3 error response?)";
        }

        return IsBinary(head) ? "binary data of no format this tool reads" : null;
    }

    /// <summary>Binary, not text: a NUL, or control characters other than tab, CR, LF and form feed.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        if (text.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.ToLowerInvariant((char)text[i]) != (char)prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
