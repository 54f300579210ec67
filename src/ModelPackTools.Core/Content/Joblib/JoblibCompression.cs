using System.Globalization;
using System.Text;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.BZip2;
using ICSharpCode.SharpZipLib.GZip;
using ICSharpCode.SharpZipLib.Zip.Compression.Streams;
using ModelPackTools.Content.Nesting;

namespace ModelPackTools.Content.Joblib;

/// <summary>
/// The compressed forms of joblib.dump (joblib/compressor.py: the magic prefix of each compressor; joblib/
/// numpy_pickle_compat.py for the 'ZF' files of joblib before 0.9.3). zlib, gzip and bz2 are decoded with SharpZipLib,
/// the engine's one compression library; xz, lzma and lz4 have no decoder here and are reported as files the scan
/// cannot read.
/// </summary>
internal static class JoblibCompression
{
    public enum Kind
    {
        None,
        ZFile,
        Zlib,
        Gzip,
        Bz2,
        Xz,
        Lzma,
        Lz4,
    }

    /// <summary>joblib's _ZFILE_PREFIX plus _MAX_LEN: 'ZF', then the length as '0x...' padded with spaces to 19 characters.</summary>
    private const int ZFileHeader = 2 + 19;

    /// <summary>The compressor named by the first bytes (six are enough), as joblib's _detect_compressor reads them.</summary>
    public static Kind Detect(ReadOnlySpan<byte> head) => head switch
    {
        [(byte)'Z', (byte)'F', ..] => Kind.ZFile,
        [0x78, var flags, ..] when ((0x78 << 8) | flags) % 31 == 0 => Kind.Zlib, // RFC 1950: CMF, FLG with FCHECK
        [0x1f, 0x8b, ..] => Kind.Gzip,
        [(byte)'B', (byte)'Z', (byte)'h', ..] => Kind.Bz2,
        [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', ..] => Kind.Xz,
        [(byte)']', 0, ..] => Kind.Lzma,
        [0x04, 0x22, 0x4d, 0x18, ..] => Kind.Lz4,
        _ => Kind.None,
    };

    public static bool CanDecode(Kind kind) => kind is Kind.ZFile or Kind.Zlib or Kind.Gzip or Kind.Bz2;

    /// <summary>The decompressed bytes, or why there are none (a broken stream, or past the nesting limits).</summary>
    public static (byte[]? Data, string? Problem, bool OverLimit) Decode(Kind kind, byte[] compressed)
    {
        try
        {
            using Stream input = Open(kind, compressed, out long expected);
            long limit = (long)Math.Min(ContentNesting.MaxBytes, Math.Max(1 << 20, compressed.Length * ContentNesting.MaxCompressionRatio));
            using var output = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit)
                {
                    return (null, $"decompresses to more than {limit} bytes", true);
                }
            }

            return expected >= 0 && output.Length != expected
                ? (null, $"decompresses to {output.Length} bytes, not the {expected} its header says", false)
                : (output.ToArray(), null, false);
        }
        catch (Exception e) when (e is SharpZipBaseException or EndOfStreamException or FormatException or IOException)
        {
            return (null, $"is not a complete {kind} stream ({e.Message})", false);
        }
    }

    private static Stream Open(Kind kind, byte[] compressed, out long expected)
    {
        expected = -1;
        switch (kind)
        {
            case Kind.ZFile:
                // read_zfile: int(header[2:21], 16), then a space is skipped if present, then one zlib stream.
                if (compressed.Length < ZFileHeader)
                {
                    throw new FormatException("the ZF header is cut short");
                }

                string length = Encoding.Latin1.GetString(compressed, 2, 19).Trim();
                if (!length.StartsWith("0x", StringComparison.Ordinal) || !long.TryParse(length.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out expected))
                {
                    throw new FormatException("the ZF header has no hexadecimal length");
                }

                int start = compressed.Length > ZFileHeader && compressed[ZFileHeader] == (byte)' ' ? ZFileHeader + 1 : ZFileHeader;
                return new InflaterInputStream(new MemoryStream(compressed, start, compressed.Length - start));
            case Kind.Zlib:
                return new InflaterInputStream(new MemoryStream(compressed));
            case Kind.Gzip:
                return new GZipInputStream(new MemoryStream(compressed));
            default:
                return new BZip2InputStream(new MemoryStream(compressed));
        }
    }
}
