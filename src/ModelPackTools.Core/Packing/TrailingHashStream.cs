using ModelPackTools.Archives;
using ModelPackTools.Hashing;

namespace ModelPackTools.Packing;

/// <summary>
/// Writes the archive to its staging file and, whenever the file has grown past the next run of whole parts, hands
/// those bytes to the OS and tells the <see cref="TrailingFingerprinter"/>, which hashes them back from the page
/// cache while the archive's later blocks are still being compressed.
/// </summary>
/// <remarks>
/// At the same points it starts an fsync of what is written so far on a pool thread (one at a time): the packer
/// syncs the archive before renaming it into place, and a single fsync at the end made the whole file's write-back
/// wait after the last block (about a second per GB here); spread out, it runs while later blocks compress.
/// </remarks>
internal sealed class TrailingHashStream(FileStream file, TrailingFingerprinter fingerprinter) : WriteOnlySink
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle handle = file.SafeFileHandle;
    private long length;
    private Task writeback = Task.CompletedTask;

    public override long Length => this.length;

    public override long Position
    {
        get => this.length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        file.Write(buffer);
        this.length += buffer.Length;
        if (this.length >= fingerprinter.NextBoundary)
        {
            file.Flush(); // into the page cache, where the fingerprinter's reads find it
            fingerprinter.Written(this.length);
            if (this.writeback.IsCompleted)
            {
                // A failure here would come out of the packer's own final fsync as well; the early one only helps.
                this.writeback = Task.Run(() => RandomAccess.FlushToDisk(this.handle));
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                this.writeback.Wait();
            }
            catch (AggregateException)
            {
                // See above: the final fsync reports the file's state.
            }
        }

        base.Dispose(disposing);
    }

    public override void Flush() => file.Flush();
}
