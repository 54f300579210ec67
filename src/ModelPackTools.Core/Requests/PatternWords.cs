namespace ModelPackTools.Requests;

/// <summary>
/// What the API's patterns allow, in words, by shape name: "1 to 63 letters, digits and hyphens" says more to a person
/// than `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`. Patterns not listed are quoted as they are.
/// </summary>
internal static class PatternWords
{
    private const string Name = "1 to 63 letters (a-z, A-Z), digits and hyphens, starting and ending with a letter or digit";
    private const string TagCharacters = "letters, digits, spaces and the characters _ . : / = + - @";

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["EntityName"] = Name,
        ["ContainerHostname"] = Name,
        ["HubContentName"] = Name,
        ["ArnOrName"] = Name + " (or a SageMaker ARN ending in one)",
        ["ContainerImage"] = "an image URI without spaces or other whitespace",
        ["EnvironmentKey"] = "letters, digits and underscores, not starting with a digit",
        ["TagKey"] = TagCharacters,
        ["TagValue"] = TagCharacters,
        ["CustomerMetadataKey"] = TagCharacters,
        ["CustomerMetadataValue"] = TagCharacters,
        ["ModelPackageFrameworkVersion"] = "a version such as 2.3: a digit, a dot, then letters, digits, dots or hyphens",
        ["S3Uri"] = "an s3:// or https:// URI",
        ["S3ModelUri"] = "an s3:// or https:// URI",
        ["Url"] = "an s3:// or https:// URI",
        ["AdditionalModelChannelName"] = "letters, digits and the characters . - _",
        ["EntityDescription"] = "letters, digits, spaces, symbols and punctuation (no control characters)",
        ["ResponseMIMEType"] = "a MIME type such as application/json",
    };

    public static string Describe(Shape shape) =>
        Words.TryGetValue(shape.Name, out var words)
            ? $"{words} (the API's pattern {shape.Pattern})"
            : $"the API's pattern {shape.Pattern}";
}
