namespace ModelPackTools.Requests;

/// <summary>One botocore shape: a structure, list, map or scalar with the constraints the API enforces.</summary>
public sealed record Shape
{
    public required string Name { get; init; }

    /// <summary>structure, list, map, string, integer, long, boolean, timestamp, float, double, blob.</summary>
    public required string Type { get; init; }

    /// <summary>Structure members: member name to shape name, in the order the API lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Members { get; init; } = [];

    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();

    /// <summary>The element shape of a list, or the value shape of a map.</summary>
    public string? Member { get; init; }

    public string? Key { get; init; }

    public long? Min { get; init; }

    public long? Max { get; init; }

    public ShapePattern? Pattern { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }
}
