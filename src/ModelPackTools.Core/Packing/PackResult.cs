using ModelPackTools.Extraction;
using ModelPackTools.Hashing;

namespace ModelPackTools.Packing;

/// <summary>
/// What `pack` did: the check of the input (always), and when it passed, the archive written with its sizes and
/// its fingerprint computed from the bytes as they were written.
/// </summary>
public sealed record PackResult(ExtractionReport Check, string? OutputPath, int MemberCount, long TarLength, long OutputLength, Fingerprint? Fingerprint)
{
    public bool Written => this.OutputPath is not null;
}
