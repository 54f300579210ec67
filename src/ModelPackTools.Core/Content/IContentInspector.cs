namespace ModelPackTools.Content;

/// <summary>
/// The content-inspection port: a scanner of what a model file would do when loaded (pickle imports, safetensors
/// headers, ONNX graphs). Every read path of the engine offers each file's bytes to the inspectors in the check's
/// settings, in order, exactly once: pack's copy into the archive, the manifest's hashing, the archive reader's member
/// data, and a plain folder check. An inspector decides from the name and size alone whether it wants the bytes, so
/// files nobody inspects cost nothing. Findings use the MPK4xxx range of the catalogue (a profile's rule that needs
/// bytes, MPK7xxx).
/// <para>
/// A judgement that needs several files together (an ONNX model and its external data, an index and its shards) is
/// an inspector that is also an <see cref="IContentAggregator"/>: its scans keep what they saw
/// (<see cref="ICollectingScan.Collected"/>), and once every file of the check was offered, its
/// <see cref="IContentAggregator.Aggregate"/> is called once with all of it, in path order, and the materialised
/// /opt/ml/model (<see cref="IMaterializedTree"/>: paths, sizes, link targets). Inspectors are shared by every check,
/// so a scan keeps per-check state, never the inspector.
/// </para>
/// </summary>
public interface IContentInspector
{
    /// <summary>The name front-ends select it by (settings `contentScanners`), e.g. "pickle".</summary>
    string Name { get; }

    /// <summary>A scan of one file's bytes, or null when this inspector has no interest in it.</summary>
    IContentScan? Begin(ContentSubject subject);
}

/// <summary>
/// The file offered to an inspector: its path under /opt/ml/model (the entry path), its size, and where it can be
/// opened for random access when it is a file on disk (a folder's file; null for an archive member, which streams).
/// A container whose index is at its end (a ZIP's central directory) is read from <see cref="LocalPath"/> without its
/// payload; a streamed one is spilled to a temporary file first.
/// </summary>
public sealed record ContentSubject(string Path, long Size, string? LocalPath = null);
