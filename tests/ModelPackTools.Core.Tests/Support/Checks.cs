using ModelPackTools.Archives;
using ModelPackTools.Extraction;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Support;

/// <summary>Shortcuts from raw inputs to reports, and from reports to the codes tests assert.</summary>
internal static class Checks
{
    public static ExtractionReport CheckArchive(byte[] archive, ExtractionMode mode = ExtractionMode.S3ObjectGzip, ArchiveReadOptions? options = null)
    {
        var tree = TarArchiveReader.Read(new MemoryStream(archive), "test.tar.gz", options ?? new ArchiveReadOptions());
        return ExtractionSimulator.Simulate(tree, new SimulationOptions { Mode = mode });
    }

    public static ExtractionReport CheckKeys(params string[] keys) => CheckListing(null, keys.Select(k => File(k, k.EndsWith('/') ? 0 : 10)).ToArray());

    public static ExtractionReport CheckListing(string? s3Uri, params ModelEntry[] entries)
    {
        var tree = new ModelTree("listing.json", SourceKind.Listing, entries, []) { KeyPrefix = s3Uri is null ? string.Empty : S3Location.Parse(s3Uri).Key };
        return ExtractionSimulator.Simulate(tree, new SimulationOptions { Mode = ExtractionMode.S3PrefixNone, S3Uri = s3Uri is null ? null : S3Location.Parse(s3Uri) });
    }

    public static ExtractionReport CheckEntries(SourceKind source, ExtractionMode mode, params ModelEntry[] entries) =>
        ExtractionSimulator.Simulate(new ModelTree("input", source, entries, []), new SimulationOptions { Mode = mode });

    public static ModelEntry File(string path, long size = 10, int mode = 420) => new() { Path = path, Kind = EntryKind.File, Size = size, Mode = mode };

    public static ModelEntry Directory(string path) => new() { Path = path, Kind = EntryKind.Directory, Mode = 493 };

    public static string[] Codes(this ExtractionReport report) => report.Diagnostics.Select(d => d.Code).ToArray();

    public static string[] CodesFor(this ExtractionReport report, string? path) =>
        report.Diagnostics.Where(d => d.Path == path).Select(d => d.Code).ToArray();

    public static string[] ErrorCodes(this ExtractionReport report) => report.Diagnostics.Where(d => d.IsError).Select(d => d.Code).ToArray();
}
