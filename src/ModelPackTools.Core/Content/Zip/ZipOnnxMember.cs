using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip.Compression;
using ICSharpCode.SharpZipLib.Zip.Compression.Streams;
using ModelPackTools.Content.Onnx;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Zip;

/// <summary>
/// An `.onnx` member of a zip, judged as the onnx inspector judges a `.onnx` file: a complete ModelProto or MPK4020,
/// and its external data by <see cref="OnnxExternalDataRule.JudgeInZip"/>. The member streams through
/// <see cref="OnnxModelReader"/> in 64 KiB pieces instead of being read whole (<see cref="ZipMemberReader"/> holds
/// at most 256 MiB, and ONNX models are often larger): a stored member is read by seeking over the tensor payloads,
/// as a folder's .onnx file is (its CRC-32 is then not verified, as torch's unread `data/N` records are not); a
/// deflated one is inflated in full, with its size and CRC-32 checked.
/// </summary>
internal static class ZipOnnxMember
{
    private const int BufferSize = 1 << 16;

    public static IEnumerable<Diagnostic> Judge(string path, Stream file, ZipEntry entry, long dataOffset)
    {
        var reader = new OnnxModelReader(entry.Size);
        var problem = entry.Method == 0 ? ReadStored(file, entry, dataOffset, reader) : ReadDeflated(file, entry, dataOffset, reader);
        if (problem is not null)
        {
            return [DiagnosticCatalog.ZipInvalid.Create(path, problem)];
        }

        reader.Finish();
        if (reader.Error is not null || reader.IrVersion is null || !reader.HasGraph)
        {
            var reason = reader.Error ?? (reader.IrVersion is null ? "no ir_version (ModelProto field 1)" : "no graph (ModelProto field 7)");
            var at = reader.Error is null ? reader.Position : reader.ErrorAt;
            return [InMember(DiagnosticCatalog.OnnxUnparsable.Create(path, reason, at), entry)];
        }

        return OnnxExternalDataRule.JudgeInZip(path, reader.ExternalTensors).Select(f => InMember(f, entry));
    }

    // As a pickle member's findings are: "... (in model.onnx)".
    private static Diagnostic InMember(Diagnostic finding, ZipEntry entry) => finding with { Message = $"{finding.Message} (in {entry.Name})" };


    private static string? ReadStored(Stream file, ZipEntry entry, long dataOffset, OnnxModelReader reader)
    {
        if (entry.Size != entry.CompressedSize)
        {
            return $"the stored member '{entry.Name}' has different compressed and uncompressed sizes";
        }

        var buffer = new byte[BufferSize];
        long position = 0;
        while (position < entry.Size)
        {
            var count = (int)Math.Min(buffer.Length, entry.Size - position);
            file.Position = dataOffset + position;
            file.ReadExactly(buffer, 0, count);
            position += count;
            if (!reader.Feed(buffer.AsSpan(0, count)))
            {
                return null;
            }

            // A payload that goes on past this piece is sought over; one that runs past the member is fed, so that
            // the reader sees where the member ends.
            var skip = reader.SkipRemaining;
            if (skip > 0 && position + skip <= entry.Size)
            {
                position += skip;
                reader.Skipped(skip);
            }
        }

        return null;
    }

    private static string? ReadDeflated(Stream file, ZipEntry entry, long dataOffset, OnnxModelReader reader)
    {
        var crc = new System.IO.Hashing.Crc32();
        long total = 0;
        try
        {
            using var inflate = new InflaterInputStream(new MemberWindow(file, dataOffset, entry.CompressedSize), new Inflater(noHeader: true)) { IsStreamOwner = false };
            var buffer = new byte[BufferSize];
            int read;
            var feeding = true;
            while ((read = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > entry.Size)
                {
                    return $"'{entry.Name}' inflates to more than its recorded {entry.Size} bytes";
                }

                crc.Append(buffer.AsSpan(0, read));
                feeding = feeding && reader.Feed(buffer.AsSpan(0, read));
            }
        }
        catch (SharpZipBaseException)
        {
            return $"'{entry.Name}' is not a complete deflate stream of {entry.Size} bytes";
        }

        if (total != entry.Size)
        {
            return $"'{entry.Name}' is not a complete deflate stream of {entry.Size} bytes";
        }

        return crc.GetCurrentHashAsUInt32() == entry.Crc32 ? null : $"'{entry.Name}' fails its CRC-32";
    }

    /// <summary>The member's compressed bytes only, so the inflater cannot read on into the next header.</summary>
    private sealed class MemberWindow(Stream file, long start, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => this.position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var take = (int)Math.Min(count, length - this.position);
            if (take <= 0)
            {
                return 0;
            }

            file.Position = start + this.position;
            var read = file.Read(buffer, offset, take);
            this.position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
