using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// Shared by the listing readers: turns full S3 keys into entries relative to the prefix, the way SageMaker trims
/// each key by the prefix. Keys outside the prefix are reported rather than dropped.
/// </summary>
public sealed class ListingBuilder(string sourceName, string prefix)
{
    private readonly List<ModelEntry> entries = [];
    private readonly List<Diagnostic> diagnostics = [];

    public string Prefix { get; set; } = prefix;

    public void Add(string key, long size, string? etag)
    {
        if (!key.StartsWith(this.Prefix, StringComparison.Ordinal))
        {
            this.diagnostics.Add(DiagnosticCatalog.OutsidePrefix.Create(key, key, this.Prefix));
            return;
        }

        this.entries.Add(new ModelEntry
        {
            Path = key[this.Prefix.Length..],
            Kind = EntryKind.File,
            Size = size,
            ETag = etag?.Trim('"'),
        });
    }

    public ModelTree Build() => new(sourceName, SourceKind.Listing, this.entries, this.diagnostics) { KeyPrefix = this.Prefix };
}
