using System.Globalization;
using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Json;

namespace ModelPackTools.Requests;

/// <summary>
/// Walks a request document against a <see cref="ShapeModel"/>: one generic walk over structures, lists, maps and
/// scalars, reporting unknown and missing members, wrong JSON types, lengths, patterns, enums, list and map sizes and
/// number ranges, each at the member's JSON path (`$.InferenceSpecification.Containers[0].Image`).
/// </summary>
public static class ShapeValidator
{
    public static void Validate(JsonElement request, ShapeModel model, DiagnosticBag diagnostics) =>
        Walk(request, model[model.Root], "$", model, diagnostics);

    private static void Walk(JsonElement value, Shape shape, string path, ShapeModel model, DiagnosticBag diagnostics)
    {
        switch (shape.Type)
        {
            case "structure":
                Structure(value, shape, path, model, diagnostics);
                break;
            case "list":
                if (Expect(value, JsonValueKind.Array, "a list", path, diagnostics))
                {
                    Size(value.GetArrayLength(), shape, path, diagnostics);
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Walk(item, model[shape.Member!], $"{path}[{index++}]", model, diagnostics);
                    }
                }

                break;
            case "map":
                if (Expect(value, JsonValueKind.Object, "a map", path, diagnostics))
                {
                    var entries = value.EnumerateObject().ToList();
                    Size(entries.Count, shape, path, diagnostics);
                    foreach (var entry in entries)
                    {
                        var entryPath = MemberPath(path, entry.Name);
                        Text(entry.Name, model[shape.Key!], entryPath, diagnostics);
                        Walk(entry.Value, model[shape.Member!], entryPath, model, diagnostics);
                    }
                }

                break;
            case "string":
                if (Expect(value, JsonValueKind.String, "a string", path, diagnostics))
                {
                    Text(value.GetString()!, shape, path, diagnostics);
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    diagnostics.Add(DiagnosticCatalog.RequestWrongType, path, "true or false", Describe(value));
                }

                break;
            case "integer" or "long" or "float" or "double":
                Number(value, shape, path, diagnostics);
                break;
            case "timestamp":
                if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    diagnostics.Add(DiagnosticCatalog.RequestWrongType, path, "a timestamp", Describe(value));
                }

                break;
            default:
                throw new NotSupportedException($"shape '{shape.Name}' has type '{shape.Type}', which the validator does not know");
        }
    }

    private static void Structure(JsonElement value, Shape shape, string path, ShapeModel model, DiagnosticBag diagnostics)
    {
        if (!Expect(value, JsonValueKind.Object, "an object", path, diagnostics))
        {
            return;
        }

        var members = shape.Members.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var memberPath = MemberPath(path, property.Name);
            if (!members.TryGetValue(property.Name, out var memberShape))
            {
                diagnostics.Add(DiagnosticCatalog.RequestUnknownMember, memberPath, property.Name, shape.Name);
                continue;
            }

            // botocore serialises a null member as absent; the request writer never emits one.
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                Walk(property.Value, model[memberShape], memberPath, model, diagnostics);
            }
        }

        foreach (var required in shape.Members.Where(m => shape.Required.Contains(m.Key)))
        {
            if (!value.TryGetProperty(required.Key, out var present) || present.ValueKind == JsonValueKind.Null)
            {
                diagnostics.Add(DiagnosticCatalog.RequestMissingMember, MemberPath(path, required.Key), required.Key, shape.Name);
            }
        }
    }

    private static void Text(string text, Shape shape, string path, DiagnosticBag diagnostics)
    {
        if (text.Length < (shape.Min ?? 0) || text.Length > (shape.Max ?? long.MaxValue))
        {
            diagnostics.Add(DiagnosticCatalog.RequestLength, path, text.Length, shape.Min ?? 0, Bound(shape.Max));
        }

        if (shape.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.RequestEnum, path, text, allowed.Count <= 8 ? string.Join(", ", allowed) : $"the {allowed.Count} values of {shape.Name}");
        }

        if (shape.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            diagnostics.Add(DiagnosticCatalog.RequestPattern, path, text, PatternWords.Describe(shape));
        }
    }

    private static void Size(int count, Shape shape, string path, DiagnosticBag diagnostics)
    {
        if (count < (shape.Min ?? 0) || count > (shape.Max ?? long.MaxValue))
        {
            diagnostics.Add(DiagnosticCatalog.RequestSize, path, count, shape.Min ?? 0, Bound(shape.Max));
        }
    }

    private static void Number(JsonElement value, Shape shape, string path, DiagnosticBag diagnostics)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            diagnostics.Add(DiagnosticCatalog.RequestWrongType, path, "a number", Describe(value));
            return;
        }

        if (shape.Type is "integer" or "long" && !value.TryGetInt64(out _))
        {
            diagnostics.Add(DiagnosticCatalog.RequestWrongType, path, "a whole number", value.GetRawText());
            return;
        }

        var number = value.GetDouble();
        if (number < (shape.Min ?? double.MinValue) || number > (shape.Max ?? double.MaxValue))
        {
            diagnostics.Add(DiagnosticCatalog.RequestRange, path, value.GetRawText(), shape.Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf", Bound(shape.Max));
        }
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string expected, string path, DiagnosticBag diagnostics)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        diagnostics.Add(DiagnosticCatalog.RequestWrongType, path, expected, Describe(value));
        return false;
    }

    private static string Bound(long? max) => max?.ToString(CultureInfo.InvariantCulture) ?? "inf";

    private static string Describe(JsonElement value) => JsonKindNames.Describe(value.ValueKind);

    internal static string MemberPath(string parent, string name) => JsonPath.Member(parent, name);
}
