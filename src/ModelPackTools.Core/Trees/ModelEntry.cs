namespace ModelPackTools.Trees;

/// <summary>
/// One entry as its source saw it. <see cref="Path"/> is the name exactly as stored ('/'-separated, not normalised:
/// `./a`, `a//b` and a trailing '/' survive), because the rules judge the name, not a cleaned-up version of it.
/// </summary>
public sealed record ModelEntry
{
    public required string Path { get; init; }

    public required EntryKind Kind { get; init; }

    /// <summary>Size in bytes; -1 when the source does not know it (a plain list of keys).</summary>
    public long Size { get; init; }

    /// <summary>Permission bits including setuid (04000), setgid (02000) and sticky (01000).</summary>
    public int Mode { get; init; }

    /// <summary>The target of a symbolic or hard link, as stored.</summary>
    public string? LinkTarget { get; init; }

    /// <summary>For a directory source: the file on disk whose bytes this entry holds.</summary>
    public string? LocalPath { get; init; }

    /// <summary>For an S3 listing: the object's ETag as listed (quotes removed), when the listing has one.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The name was not valid UTF-8 in the source; <see cref="Path"/> keeps each such byte one-to-one
    /// (<see cref="Diagnostics.RawNameText"/>), so it is compared by its bytes and shown as `\xNN`.
    /// </summary>
    public bool HasInvalidUtf8 { get; init; }

    /// <summary>The declared size of a link or directory entry that should carry none.</summary>
    public long DeclaredDataSize { get; init; }

    /// <summary>Why the source could not read the entry (for <see cref="EntryKind.Unreadable"/>).</summary>
    public string? Problem { get; init; }
}
