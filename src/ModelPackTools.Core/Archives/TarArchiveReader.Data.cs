using ModelPackTools.Content;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>The data side of the reader: extended-header data, member data skipped or tapped, the end of the archive.</summary>
public sealed partial class TarArchiveReader
{
    private byte[] ReadData(long size, int limit, string what)
    {
        if (size > limit)
        {
            throw new ArchiveFormatException(DiagnosticCatalog.LimitExceeded, $"a {what} of {size} bytes exceeds the {limit}-byte limit");
        }

        var padded = Padded(size);
        var data = new byte[padded];
        var read = this.stream.ReadAtLeast(data, (int)padded, throwOnEndOfStream: false);
        this.offset += read;
        if (read < padded)
        {
            throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, $"the archive ends inside a {what} at offset {this.offset}");
        }

        return data[..(int)size];
    }

    private void SkipSparseExtensionBlocks(string path)
    {
        var block = new byte[Block];
        do
        {
            if (this.stream.ReadAtLeast(block, Block, throwOnEndOfStream: false) < Block)
            {
                throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, $"the archive ends inside the sparse map of '{path}'");
            }

            this.offset += Block;
        }
        while (block[504] != 0);
    }

    /// <summary>Skips a member's data, or reads it through <paramref name="content"/> when an inspector wants it.</summary>
    private void SkipData(long size, string path, ContentTap? content = null)
    {
        var padded = Padded(size);
        if (this.stream.CanSeek && content is null)
        {
            var available = this.stream.Length - this.stream.Position;
            if (available < padded)
            {
                throw Truncated(path, size, Math.Max(0, available));
            }

            this.stream.Seek(padded, SeekOrigin.Current);
            this.offset += padded;
            return;
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var remaining = padded;
            while (remaining > 0)
            {
                var n = this.stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (n == 0)
                {
                    throw Truncated(path, size, padded - remaining);
                }

                var data = (int)Math.Clamp(size - (padded - remaining), 0, n);
                if (content is { Wants: true } && data > 0)
                {
                    content.Append(buffer.AsSpan(0, data));
                }

                remaining -= n;
                this.offset += n;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        content?.Complete();
    }

    /// <summary>
    /// Reads everything after the first zero block. Only zeros may follow (the second marker block and the
    /// writer's padding to its record size); reading to the end also makes the gzip layer check its last trailer.
    /// </summary>
    private void CheckAfterEndMarker()
    {
        var markerOffset = this.offset;
        this.offset += Block;
        long nonZero = 0;
        long firstNonZero = -1;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int n;
            while ((n = this.stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, n);
                var index = span.IndexOfAnyExcept((byte)0);
                if (index >= 0)
                {
                    if (firstNonZero < 0)
                    {
                        firstNonZero = this.offset + index;
                    }

                    nonZero += n - span.Count((byte)0);
                }

                this.offset += n;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        if (nonZero > 0)
        {
            this.diagnostics.Add(DiagnosticCatalog.TrailingData.Create(null, nonZero, firstNonZero));
        }
        else if (this.offset - markerOffset < 2 * Block)
        {
            // A lone zero block: GNU tar warns about it; the archive may have been cut.
            this.diagnostics.Add(DiagnosticCatalog.MissingEndMarker.Create(null));
        }
    }

    private static long Padded(long size) => (size + Block - 1) & ~(long)(Block - 1);

    private static ArchiveFormatException Truncated(string path, long size, long available) =>
        new(DiagnosticCatalog.TruncatedArchive, $"member '{path}' declares {size} bytes but the archive ends after {available}");
}
