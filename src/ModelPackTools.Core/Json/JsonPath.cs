namespace ModelPackTools.Json;

/// <summary>JSON paths as diagnostics print them, for specs and requests alike.</summary>
public static class JsonPath
{
    /// <summary>`$.Name` for identifier-like members and map keys, `$["odd key"]` otherwise, so every path parses back.</summary>
    public static string Member(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{parent}.{name}"
            : $"{parent}[\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
}
