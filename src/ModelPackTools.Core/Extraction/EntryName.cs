namespace ModelPackTools.Extraction;

/// <summary>
/// An entry's path split the way the extraction mode reads it. S3 keys are split on every '/' exactly as SageMaker
/// does (so `a//b` has an empty part and `./a` a '.' part); archive member names are read as an extractor reads them
/// (a leading `./` or `/` is dropped, interior `//` and `/./` are collapsed but remembered as non-canonical).
/// </summary>
internal sealed record EntryName(
    string Raw,
    IReadOnlyList<string> Components,
    bool IsAbsolute,
    bool HasTrailingSlash,
    bool IsNonCanonical,
    bool IsArchiveMember)
{
    /// <summary>A name with no parts: `/`, `./`, `.` — the extraction directory itself.</summary>
    public bool IsRoot => this.Components.Count == 0;

    /// <summary>The parts that name a place in the tree; null when the name cannot be placed (empty, '.' or '..' parts).</summary>
    public IReadOnlyList<string>? Placeable =>
        this.Components.Any(c => c.Length == 0 || c is "." or "..") ? null : this.Components;

    public string Canonical => string.Join('/', this.Components);

    public static EntryName ForKey(string key)
    {
        var trailing = key.EndsWith('/');
        var parts = (trailing ? key[..^1] : key).Split('/');
        return new EntryName(key, parts, IsAbsolute: false, trailing, IsNonCanonical: false, IsArchiveMember: false);
    }

    /// <summary>S3Object with CompressionType=None: only the last part of the key becomes the file name.</summary>
    public static EntryName ForObjectKey(string key)
    {
        var slash = key.LastIndexOf('/');
        return new EntryName(key, [key[(slash + 1)..]], IsAbsolute: false, HasTrailingSlash: false, IsNonCanonical: false, IsArchiveMember: false);
    }

    public static EntryName ForArchiveMember(string name)
    {
        var parts = name.Split('/');
        var components = new List<string>(parts.Length);
        var nonCanonical = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var isEdge = i == 0 || i == parts.Length - 1;
            if (part.Length == 0)
            {
                nonCanonical |= !isEdge && components.Count > 0;
                continue;
            }

            if (part == ".")
            {
                // Leading "./" is what `tar -C dir .` writes; a '.' after a real part is not.
                nonCanonical |= components.Count > 0;
                continue;
            }

            components.Add(part);
        }

        return new EntryName(name, components, name.StartsWith('/'), name.EndsWith('/'), nonCanonical, IsArchiveMember: true);
    }
}
