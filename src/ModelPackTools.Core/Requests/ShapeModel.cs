using System.Text.Json;

namespace ModelPackTools.Requests;

/// <summary>
/// The shapes of one API operation in botocore's service-description form: a root input shape and named shapes
/// whose structure members refer to other shapes by name. The CreateModelPackage model is embedded in the tool.
/// </summary>
public sealed class ShapeModel
{
    private static readonly Lazy<ShapeModel> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, Shape> shapes;

    private ShapeModel(string operation, string root, Dictionary<string, Shape> shapes)
    {
        this.Operation = operation;
        this.Root = root;
        this.shapes = shapes;
    }

    public static ShapeModel CreateModelPackage => Embedded.Value;

    public string Operation { get; }

    public string Root { get; }

    public IEnumerable<Shape> Shapes => this.shapes.Values;

    public Shape this[string name] => this.shapes.TryGetValue(name, out var shape)
        ? shape
        : throw new KeyNotFoundException($"the {this.Operation} shapes have no shape '{name}'");

    public static ShapeModel Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var top = document.RootElement;
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var property in top.GetProperty("shapes").EnumerateObject())
        {
            shapes[property.Name] = ReadShape(property.Name, property.Value);
        }

        return new ShapeModel(top.GetProperty("operation").GetString()!, top.GetProperty("root").GetString()!, shapes);
    }

    private static Shape ReadShape(string name, JsonElement element)
    {
        string? Text(string key) => element.TryGetProperty(key, out var value) ? value.GetString() : null;
        long? Number(string key) => element.TryGetProperty(key, out var value) ? value.GetInt64() : null;

        var members = element.TryGetProperty("members", out var m)
            ? m.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, MemberShape(p.Value))).ToList()
            : [];
        var pattern = Text("pattern");
        return new Shape
        {
            Name = name,
            Type = Text("type") ?? throw new FormatException($"shape '{name}' has no type"),
            Members = members,
            Required = element.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
            Member = element.TryGetProperty("member", out var member) ? MemberShape(member) : element.TryGetProperty("value", out var value) ? MemberShape(value) : null,
            Key = element.TryGetProperty("key", out var key) ? MemberShape(key) : null,
            Min = Number("min"),
            Max = Number("max"),
            Pattern = pattern is null ? null : new ShapePattern(pattern),
            Enum = element.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToList() : null,
        };
    }

    // botocore writes {"shape": "Name"}; the trimmed file in this repository writes the name alone. Both are read.
    private static string MemberShape(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetProperty("shape").GetString()!;

    private static ShapeModel LoadEmbedded()
    {
        using var stream = typeof(ShapeModel).Assembly.GetManifestResourceStream("ModelPackTools.CreateModelPackage.shapes.json")
            ?? throw new InvalidOperationException("the CreateModelPackage shapes are not embedded in the tool");
        return Parse(stream);
    }
}
