using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content;

/// <summary>
/// The aggregation step of the content port, for judgements no single file decides: an ONNX model's external data
/// beside it, a safetensors index against its shards' headers, a serving.properties against the weights present.
/// An <see cref="IContentInspector"/> that also implements this is called once per check, after every file of the
/// check was offered to the inspectors and every scan completed, whichever read path fed them (so after pack's copy or
/// the manifest's hashing when they do the reading). It is given what its own scans kept (<see cref="ICollectingScan"/>)
/// and /opt/ml/model as SageMaker materialises it (<see cref="IMaterializedTree"/>). A file no scan read (an S3 listing
/// has no bytes; a file the inspector declined) is in the tree but not among what was collected, so a judgement that
/// needs bytes stays quiet without them. Its findings follow the per-file ones, in the order of the inspectors. A path
/// met twice (an archive's duplicate member) is collected twice, in reading order: the last is the one extracted.
/// </summary>
public interface IContentAggregator
{
    /// <summary>The findings about the files together; each at the path of the file it is about.</summary>
    IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation);
}
