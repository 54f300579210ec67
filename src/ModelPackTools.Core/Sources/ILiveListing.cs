using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// The port through which a check lists an s3:// prefix live. The engine has no network code: ModelPackTools.S3
/// implements it over AWSSDK.S3 and turns S3 failures into coded failures (MPK9011).
/// </summary>
public interface ILiveListing
{
    /// <summary>The same tree a saved list-objects-v2 JSON of the prefix would give.</summary>
    ModelTree List(S3Location prefix, CancellationToken cancellationToken);
}
