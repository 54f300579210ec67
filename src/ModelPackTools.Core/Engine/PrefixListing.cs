using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Engine;

/// <summary>
/// A listing judged as an S3 prefix whose URI lacks the trailing '/': every key then starts with '/' or belongs to a
/// neighbouring prefix, so judging the names would only repeat one mistake per key. One finding says so (MPK1007)
/// and what the prefix would hold with the '/'.
/// </summary>
internal static class PrefixListing
{
    public static ModelTree WithoutSlash(ModelTree tree, CheckSettings settings)
    {
        if (tree.SourceKind != SourceKind.Listing || settings.S3Uri is not { IsPrefix: false } uri ||
            settings.SimulationFor(tree.SourceKind).Mode != ExtractionMode.S3PrefixNone)
        {
            return tree;
        }

        // Entries are relative to the prefix as given: "/a.bin" lies under prefix/, "6/a.bin" under a neighbour.
        var inside = tree.Entries.Where(e => e.Path.StartsWith('/') && !e.Path.EndsWith('/')).ToList();
        // The key the URI names exactly is an object of its own, not a neighbour: said apart below.
        var others = tree.Entries.Where(e => !e.Path.StartsWith('/') && e.Path.Length > 0).Select(e => uri.Key + e.Path).ToList();
        var bytes = inside.Sum(e => Math.Max(0, e.Size));
        var holds = inside.Count == 0
            ? $"s3://{uri.Bucket}/{uri.Key}/ would hold no files"
            : $"s3://{uri.Bucket}/{uri.Key}/ would hold {Plural(inside.Count, "file")}" + (inside.All(e => e.Size >= 0) ? $" ({Plural(bytes, "byte")})" : string.Empty);
        var neighbours = others.Count == 0
            ? string.Empty
            : $"; without it SageMaker would also read {Plural(others.Count, "key")} of other prefixes ({string.Join(", ", others.Take(3).Select(k => $"'{k}'"))}{(others.Count > 3 ? ", ..." : string.Empty)})";
        var itself = ObjectListing.OwnObject(tree) is null
            ? string.Empty
            : $"; {uri} is itself an object: with S3DataType=S3Object and CompressionType=None it is one file, '{ObjectListing.LastPart(uri.Key)}'";
        var diagnostic = DiagnosticCatalog.PrefixWithoutSlash.Create(null, uri.ToString());
        diagnostic = diagnostic with { Message = $"{diagnostic.Message}: with one, {holds}{neighbours}{itself}" };
        return new ModelTree(tree.SourceName, tree.SourceKind, [], [.. tree.SourceDiagnostics, diagnostic]) { KeyPrefix = tree.KeyPrefix, IsIncomplete = true };
    }

    private static string Plural(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
