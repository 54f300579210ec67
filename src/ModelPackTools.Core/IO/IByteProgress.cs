namespace ModelPackTools.IO;

/// <summary>
/// The engine's progress port for long reads (hashing, packing): the total once known, then bytes as they are read.
/// Called from worker threads; implementations must be thread-safe. Front-ends decide how (and whether) to show it.
/// </summary>
public interface IByteProgress
{
    void Start(long totalBytes);

    void Advance(long bytes);
}
