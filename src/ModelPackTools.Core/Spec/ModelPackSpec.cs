using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;

namespace ModelPackTools.Spec;

/// <summary>
/// What `modelpack.json` says, read and checked by <see cref="SpecReader"/>. Relative paths are relative to
/// <see cref="BaseDirectory"/>, the folder holding the spec (or the current folder when there is no spec).
/// </summary>
public sealed record ModelPackSpec
{
    public string BaseDirectory { get; init; } = ".";

    public string? ModelPackageName { get; init; }

    public string? ModelPackageGroupName { get; init; }

    public string? Description { get; init; }

    public string Source { get; init; } = ".";

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public ArtifactFormat Format { get; init; } = ArtifactFormat.TarGz;

    /// <summary>The destination: for tar.gz the object (or a prefix ending in '/', to which model.tar.gz is added), for prefix the key prefix.</summary>
    public string? S3Uri { get; init; }

    /// <summary>Where the manifest goes for format prefix; by default beside the prefix (never inside it, or it would be model data).</summary>
    public string? ManifestS3Uri { get; init; }

    public PartSizePolicy PartSizes { get; init; } = PartSizePolicy.AwsCli;

    public string? Image { get; init; }

    public string? Framework { get; init; }

    public string? FrameworkVersion { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    public IReadOnlyList<string> ResponseMimeTypes { get; init; } = [];

    public IReadOnlyList<string> RealtimeInstanceTypes { get; init; } = [];

    public IReadOnlyList<string> TransformInstanceTypes { get; init; } = [];

    public string? ApprovalStatus { get; init; }

    public bool? CertifyForMarketplace { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> CustomerMetadata { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SpecDataSource> AdditionalModelDataSources { get; init; } = [];

    /// <summary>How `build` writes a prefix layout: hard links where possible (auto), links only, or copies.</summary>
    public LayoutMode LayoutMode { get; init; } = LayoutMode.Auto;

    /// <summary>The spec's `allowImports`: pickle imports reviewed and accepted by the content scan.</summary>
    public IReadOnlyList<string> AllowImports { get; init; } = [];

    /// <summary>The spec's `profile`, or null (auto).</summary>
    public string? Profile { get; init; }

    /// <summary>The spec file (full path) when read from one; null for the defaults of a build without a spec.</summary>
    public string? SpecPath { get; init; }

    /// <summary>Where each key and list item of the file is, by JSON path (`$.tags.team`, `$.include[1]`).</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>();

    public string SourcePath => Path.GetFullPath(this.Source, Path.GetFullPath(this.BaseDirectory));
}
