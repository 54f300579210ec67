namespace ModelPackTools.Content;

/// <summary>
/// The content-inspection port: a scanner of what a model file would do when loaded (pickle imports, safetensors
/// headers, ONNX graphs). Every read path of the engine offers each file's bytes to the inspectors in the check's
/// settings, in order, exactly once: pack's copy into the archive, the manifest's hashing, the archive reader's member
/// data, and a plain folder check. An inspector decides from the name and size alone whether it wants the bytes, so
/// files nobody inspects cost nothing. Findings use the MPK4xxx range of the catalogue.
/// </summary>
public interface IContentInspector
{
    /// <summary>The name front-ends select it by (settings `contentScanners`), e.g. "pickle".</summary>
    string Name { get; }

    /// <summary>A scan of one file's bytes, or null when this inspector has no interest in it.</summary>
    IContentScan? Begin(ContentSubject subject);
}

/// <summary>The file offered to an inspector: its path under /opt/ml/model (the entry path) and its size.</summary>
public sealed record ContentSubject(string Path, long Size);
