using System.Text.Json;
using ModelPackTools.Json;

namespace ModelPackTools.Spec;

/// <summary>
/// A JSON value with the line and column it starts at (1-based; the column counts characters). System.Text.Json's
/// DOM forgets positions, and a spec error must point at its line, so the spec is read into this small tree instead.
/// Object members keep their order and their duplicates.
/// </summary>
public sealed record SpecNode(JsonValueKind Kind, int Line, int Column)
{
    public string? Text { get; init; }

    public IReadOnlyList<(string Name, int Line, int Column, SpecNode Value)> Members { get; init; } = [];

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

        var text = new Positions(utf8.ToArray(), lineStarts);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty", null, 0, 0);
        }

        var root = Read(ref reader, text);
        if (reader.Read())
        {
            var (line, column) = text.At(reader.TokenStartIndex);
            throw new JsonException("more than one JSON value", null, line - 1, column - 1);
        }

        return root;
    }

    private static SpecNode Read(ref Utf8JsonReader reader, Positions text)
    {
        var (line, column) = text.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<(string, int, int, SpecNode)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var (nameLine, nameColumn) = text.At(reader.TokenStartIndex);
                    reader.Read();
                    members.Add((name, nameLine, nameColumn, Read(ref reader, text)));
                }

                return new SpecNode(JsonValueKind.Object, line, column) { Members = members };
            case JsonTokenType.StartArray:
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader, text));
                }

                return new SpecNode(JsonValueKind.Array, line, column) { Items = items };
            case JsonTokenType.String:
                return new SpecNode(JsonValueKind.String, line, column) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new SpecNode(JsonValueKind.Number, line, column) { Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new SpecNode(JsonValueKind.True, line, column);
            case JsonTokenType.False:
                return new SpecNode(JsonValueKind.False, line, column);
            default:
                return new SpecNode(JsonValueKind.Null, line, column);
        }
    }

    /// <summary>Byte offsets to 1-based lines and character columns.</summary>
    private sealed class Positions(byte[] utf8, List<long> lineStarts)
    {
        public (int Line, int Column) At(long offset)
        {
            var index = lineStarts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = (int)lineStarts[line];
            return (line + 1, System.Text.Encoding.UTF8.GetCharCount(utf8, start, (int)offset - start) + 1);
        }
    }
}
