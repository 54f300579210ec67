using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.Zip.Compression;
using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;

namespace ModelPackTools.Archives;

/// <summary>
/// A read-only stream of the bytes inside a gzip file that checks the whole gzip layer as it goes: every member's
/// header, CRC-32 and ISIZE, that nothing but another member follows a member, and that the data does not expand
/// past a ratio limit (a compression bomb is stopped while reading, not after).
/// </summary>
/// <remarks>
/// .NET's GZipStream cannot do this job: it silently accepts a truncated stream and ignores trailing garbage, and it
/// does not say where a member ends. SharpZipLib's <see cref="Inflater"/> reports exactly how much input is left
/// after the deflate data ends, so the trailer and whatever follows can be read and checked. Measured on this
/// machine it inflates about as fast as GNU gzip (140 MB/s vs 166 MB/s; GZipStream does 370 MB/s).
/// </remarks>
public sealed class GzipValidatingStream : Stream
{
    private const int MaxHeaderField = 64 * 1024;
    private const long BombCheckThreshold = 16L * 1024 * 1024;

    private readonly Stream inner;
    private readonly double maxRatio;
    private readonly byte[] input = new byte[64 * 1024];
    private readonly Inflater inflater = new(noHeader: true);
    private readonly Crc32 crc = new();
    private int inputStart;
    private int inputEnd;
    private bool innerEnded;
    private State state = State.Header;
    private long memberLength;

    public GzipValidatingStream(Stream inner, double maxRatio)
    {
        this.inner = inner;
        this.maxRatio = maxRatio;
    }

    private enum State
    {
        Header,
        Body,
        End,
    }

    /// <summary>Compressed bytes taken from the underlying stream so far.</summary>
    public long CompressedLength { get; private set; }

    /// <summary>Decompressed bytes produced so far.</summary>
    public long DecompressedLength { get; private set; }

    public int MemberCount { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => this.DecompressedLength;
        set => throw new NotSupportedException();
    }

    /// <summary>True when the first two bytes are the gzip magic number; the stream position is restored.</summary>
    public static bool HasGzipMagic(Stream seekable)
    {
        var start = seekable.Position;
        Span<byte> magic = stackalloc byte[2];
        var n = seekable.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        seekable.Position = start;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    // Only the array overload is implemented: SharpZipLib inflates into arrays, and Stream's Span overload
    // already rents an array and copies for us.
    public override int Read(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count == 0)
        {
            return 0;
        }

        while (true)
        {
            switch (this.state)
            {
                case State.End:
                    return 0;
                case State.Header:
                    if (!this.ReadMemberHeader())
                    {
                        this.state = State.End;
                        return 0;
                    }

                    this.state = State.Body;
                    break;
                case State.Body:
                    var produced = this.InflateSome(buffer, offset, count);
                    if (produced > 0)
                    {
                        return produced;
                    }

                    break;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static ArchiveFormatException Gzip(string message) => new(DiagnosticCatalog.GzipLayer, message);

    private int InflateSome(byte[] buffer, int offset, int count)
    {
        if (this.inflater.IsFinished)
        {
            this.inputStart = this.inputEnd - this.inflater.RemainingInput;
            this.ReadMemberTrailer();
            this.state = State.Header;
            return 0;
        }

        if (this.inflater.IsNeedingInput)
        {
            if (!this.FillInput())
            {
                throw new ArchiveFormatException(
                    DiagnosticCatalog.TruncatedArchive,
                    $"the gzip data ends inside member {this.MemberCount} (after {this.CompressedLength} compressed bytes)");
            }

            this.inflater.SetInput(this.input, this.inputStart, this.inputEnd - this.inputStart);
            this.inputStart = this.inputEnd;
        }

        int produced;
        try
        {
            produced = this.inflater.Inflate(buffer, offset, count);
        }
        catch (ICSharpCode.SharpZipLib.SharpZipBaseException e)
        {
            throw Gzip($"member {this.MemberCount} holds invalid deflate data: {e.Message}");
        }

        if (produced == 0 && this.inflater.IsNeedingDictionary)
        {
            throw Gzip($"member {this.MemberCount} asks for a preset dictionary, which gzip does not allow");
        }

        this.crc.Append(buffer.AsSpan(offset, produced));
        this.memberLength += produced;
        this.DecompressedLength += produced;
        if (this.DecompressedLength > BombCheckThreshold && this.DecompressedLength > this.maxRatio * this.CompressedLength)
        {
            throw new ArchiveFormatException(
                DiagnosticCatalog.CompressionBomb,
                (long)(this.DecompressedLength / (double)this.CompressedLength),
                this.maxRatio);
        }

        return produced;
    }

    private bool ReadMemberHeader()
    {
        var first = this.ReadByteOrEnd();
        if (first < 0)
        {
            if (this.MemberCount == 0)
            {
                throw Gzip("the file is empty");
            }

            return false;
        }

        var second = this.ReadByteOrEnd();
        if (first != 0x1F || second != 0x8B)
        {
            if (this.MemberCount == 0)
            {
                throw Gzip("the file is not gzip-compressed (no gzip magic number)");
            }

            var trailing = 1 + (second < 0 ? 0 : 1) + this.CountRemainingInput();
            throw Gzip($"{trailing} bytes that are not gzip follow the last gzip member (at compressed offset {this.CompressedLength - trailing})");
        }

        Span<byte> fixedPart = stackalloc byte[8];
        this.ReadExactly(fixedPart, "header");
        if (fixedPart[0] != 8)
        {
            throw Gzip($"member {this.MemberCount + 1} uses compression method {fixedPart[0]}; gzip defines only 8 (deflate)");
        }

        var flags = fixedPart[1];
        if ((flags & 0xE0) != 0)
        {
            throw Gzip($"member {this.MemberCount + 1} sets reserved header flags 0x{flags & 0xE0:X2}");
        }

        if ((flags & 0x04) != 0)
        {
            Span<byte> extraLength = stackalloc byte[2];
            this.ReadExactly(extraLength, "header extra field");
            this.Skip(BinaryPrimitives.ReadUInt16LittleEndian(extraLength), "header extra field");
        }

        if ((flags & 0x08) != 0)
        {
            this.SkipZeroTerminated("file name");
        }

        if ((flags & 0x10) != 0)
        {
            this.SkipZeroTerminated("comment");
        }

        if ((flags & 0x02) != 0)
        {
            this.Skip(2, "header CRC");
        }

        this.MemberCount++;
        this.crc.Reset();
        this.memberLength = 0;
        this.inflater.Reset();
        return true;
    }

    private void ReadMemberTrailer()
    {
        Span<byte> trailer = stackalloc byte[8];
        this.ReadExactly(trailer, "trailer");
        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (expectedCrc != this.crc.GetCurrentHashAsUInt32())
        {
            throw Gzip($"member {this.MemberCount}: CRC-32 in the trailer is {expectedCrc:x8} but the data's is {this.crc.GetCurrentHashAsUInt32():x8}");
        }

        if (expectedSize != (uint)this.memberLength)
        {
            throw Gzip($"member {this.MemberCount}: ISIZE in the trailer is {expectedSize} but the member holds {this.memberLength} bytes (mod 2^32)");
        }
    }

    private bool FillInput()
    {
        if (this.inputStart < this.inputEnd)
        {
            return true;
        }

        if (this.innerEnded)
        {
            return false;
        }

        var n = this.inner.Read(this.input, 0, this.input.Length);
        if (n == 0)
        {
            this.innerEnded = true;
            return false;
        }

        this.inputStart = 0;
        this.inputEnd = n;
        this.CompressedLength += n;
        return true;
    }

    private int ReadByteOrEnd()
    {
        if (!this.FillInput())
        {
            return -1;
        }

        return this.input[this.inputStart++];
    }

    private void ReadExactly(Span<byte> destination, string what)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var b = this.ReadByteOrEnd();
            if (b < 0)
            {
                throw new ArchiveFormatException(
                    DiagnosticCatalog.TruncatedArchive,
                    $"the gzip data ends inside the {what} of member {this.MemberCount + (what == "trailer" ? 0 : 1)}");
            }

            destination[i] = (byte)b;
        }
    }

    private void Skip(int count, string what)
    {
        for (var i = 0; i < count; i++)
        {
            if (this.ReadByteOrEnd() < 0)
            {
                throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, $"the gzip data ends inside the {what} of member {this.MemberCount + 1}");
            }
        }
    }

    private void SkipZeroTerminated(string what)
    {
        for (var i = 0; i <= MaxHeaderField; i++)
        {
            var b = this.ReadByteOrEnd();
            if (b < 0)
            {
                throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, $"the gzip data ends inside the {what} of member {this.MemberCount + 1}");
            }

            if (b == 0)
            {
                return;
            }
        }

        throw new ArchiveFormatException(DiagnosticCatalog.LimitExceeded, $"the gzip header's {what} is longer than {MaxHeaderField} bytes");
    }

    private long CountRemainingInput()
    {
        long count = this.inputEnd - this.inputStart;
        this.inputStart = this.inputEnd;
        while (this.FillInput())
        {
            count += this.inputEnd - this.inputStart;
            this.inputStart = this.inputEnd;
        }

        return count;
    }
}
