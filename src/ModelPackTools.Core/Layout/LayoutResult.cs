using ModelPackTools.Extraction;

namespace ModelPackTools.Layout;

/// <summary>What `layout` did: the check (always) and, when it passed, how many files were linked or copied.</summary>
public sealed record LayoutResult(ExtractionReport Check, string? OutputPath, int Linked, int Copied, long Bytes)
{
    public bool Written => this.OutputPath is not null;
}
