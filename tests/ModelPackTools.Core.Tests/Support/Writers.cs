using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Options;
using ModelPackTools.Packing;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Support;

/// <summary>A folder's check and one writer in one call, as the `pack`, `layout` and `manifest` commands run them.</summary>
internal static class Writers
{
    public static WriteSettings Build { get; } = new() { Threads = 2 };

    public static PackResult Pack(string folder, string output, PackOptions options, CancellationToken cancellationToken = default) =>
        ModelPacker.Pack(ModelChecker.CheckFolder(folder, new CheckSettings { Mode = ExtractionMode.S3ObjectGzip }), output, options, cancellationToken);

    public static LayoutResult LayOut(string folder, string output, LayoutMode mode, CancellationToken cancellationToken = default) =>
        PrefixLayoutWriter.Write(ModelChecker.CheckFolder(folder, new CheckSettings { Mode = ExtractionMode.S3PrefixNone }), output, mode, cancellationToken);

    public static Task<ManifestResult> ManifestAsync(string folder, string s3Uri, string output, FingerprintOptions options)
    {
        var prefix = S3Location.Parse(s3Uri);
        return ManifestBuilder.BuildAsync(ModelChecker.CheckFolder(folder, new CheckSettings { Mode = ExtractionMode.S3PrefixNone, S3Uri = prefix }), prefix, output, options);
    }
}
