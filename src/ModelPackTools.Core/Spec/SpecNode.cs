using System.Text.Json;

namespace ModelPackTools.Spec;

/// <summary>
/// A JSON value with the line it starts on. System.Text.Json's DOM forgets positions, and a spec error must name its
/// line, so the spec is read into this small tree instead. Object members keep their order and their duplicates.
/// </summary>
public sealed record SpecNode(JsonValueKind Kind, int Line)
{
    public string? Text { get; init; }

    public IReadOnlyList<(string Name, int Line, SpecNode Value)> Members { get; init; } = [];

    public IReadOnlyList<SpecNode> Items { get; init; } = [];

    public string Describe() => JsonKindNames.Describe(this.Kind);

    /// <summary>Reads JSON with comments and trailing commas; throws <see cref="JsonException"/> with the line on bad syntax.</summary>
    public static SpecNode Parse(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty", null, 0, 0);
        }

        var root = Read(ref reader, lineStarts);
        if (reader.Read())
        {
            throw new JsonException($"more than one JSON value (line {LineOf(reader.TokenStartIndex, lineStarts)})");
        }

        return root;
    }

    private static SpecNode Read(ref Utf8JsonReader reader, List<long> lineStarts)
    {
        var line = LineOf(reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<(string, int, SpecNode)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameLine = LineOf(reader.TokenStartIndex, lineStarts);
                    reader.Read();
                    members.Add((name, nameLine, Read(ref reader, lineStarts)));
                }

                return new SpecNode(JsonValueKind.Object, line) { Members = members };
            case JsonTokenType.StartArray:
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader, lineStarts));
                }

                return new SpecNode(JsonValueKind.Array, line) { Items = items };
            case JsonTokenType.String:
                return new SpecNode(JsonValueKind.String, line) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new SpecNode(JsonValueKind.Number, line) { Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new SpecNode(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new SpecNode(JsonValueKind.False, line);
            default:
                return new SpecNode(JsonValueKind.Null, line);
        }
    }

    private static int LineOf(long offset, List<long> lineStarts)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
