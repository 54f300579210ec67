using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Engine;

/// <summary>
/// A listing (saved or live) whose S3 URI is one of its own objects: `--s3-uri s3://b/models/model.safetensors` beside
/// a listing that holds the key `models/model.safetensors`. With S3DataType=S3Object SageMaker downloads that one object
/// and names the file after the key's last part (the seed `S3DataSource` text); trimmed as a prefix the key would be
/// the empty name and the listing "no files" (issue 10, item 1). In any other mode the URI is a prefix without its '/'
/// (<see cref="PrefixListing"/>), which then says that the URI is an object.
/// </summary>
internal static class ObjectListing
{
    public static ModelTree AsObject(ModelTree tree, CheckSettings settings)
    {
        if (tree.SourceKind != SourceKind.Listing || settings.S3Uri is not { IsPrefix: false } uri ||
            settings.SimulationFor(tree.SourceKind).Mode != ExtractionMode.S3ObjectNone ||
            OwnObject(tree) is not { } own)
        {
            return tree;
        }

        // Only the named object is downloaded: other keys of the listing (neighbours, keys outside it) play no part.
        var name = LastPart(uri.Key);
        var sourceDiagnostics = tree.SourceDiagnostics.Where(d => d.Descriptor != DiagnosticCatalog.OutsidePrefix).ToList();
        if (ArchiveAsOneFile(name) is { } finding)
        {
            sourceDiagnostics.Add(finding);
        }

        return new ModelTree(tree.SourceName, tree.SourceKind, [own with { Path = name }], sourceDiagnostics)
        {
            KeyPrefix = uri.Key[..^name.Length],
        };
    }

    /// <summary>The listed object whose key is the URI's own key: key minus prefix leaves nothing.</summary>
    public static ModelEntry? OwnObject(ModelTree tree) => tree.Entries.FirstOrDefault(e => e.Path.Length == 0 && e.Kind == EntryKind.File);

    public static string LastPart(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>A .tar.gz (or .tar) deployed with CompressionType=None stays one file: SageMaker does not extract it.</summary>
    public static Diagnostic? ArchiveAsOneFile(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal) || lower.EndsWith(".tar", StringComparison.Ordinal)
            ? DiagnosticCatalog.ArchiveAsOneFile.Create(name, name)
            : null;
    }
}
