using System.Text.Json;

namespace ModelPackTools.Content.Keras;

/// <summary>
/// What a Keras 3 `.keras` file's config.json may not hold (keras/src/saving/serialization_lib.py deserializes every
/// {"module", "class_name", "config"} object in it): a Lambda layer (its function is code; `safe_mode` refuses a
/// Python lambda, and CVE-2025-8747/CVE-2025-9906 show a Lambda calling a Keras function such as load_model or
/// enable_unsafe_deserialization getting past it), a "__lambda__" object (refused by safe_mode), a "function" object
/// (a function named by module and name, called when the layer runs), and a "module" outside Keras (CVE-2025-1550:
/// config.json importing an arbitrary module, which Keras 3.9 and later refuse). Layers, initializers and dtype
/// policies from keras.* are what a saved model holds.
/// </summary>
public static class KerasConfigRules
{
    /// <summary>Every reason the config is code (empty when it is plain Keras objects), or the JSON error.</summary>
    public static List<string> Problems(ReadOnlySpan<byte> json)
    {
        var problems = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
            Walk(document.RootElement, "$", problems);
        }
        catch (JsonException e)
        {
            problems.Add($"config.json is not valid JSON ({e.Message})");
        }

        return problems;
    }

    private static void Walk(JsonElement element, string where, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{where}[{i++}]", problems);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        string? className = element.TryGetProperty("class_name", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string? module = element.TryGetProperty("module", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (className is "Lambda" or "__lambda__" or "function")
        {
            problems.Add($"{where} is a '{className}' object, code that runs when the model is loaded or called");
        }

        if (module is not null && module != "keras" && !module.StartsWith("keras.", StringComparison.Ordinal))
        {
            problems.Add($"{where} imports module '{module}', which is not Keras");
        }

        foreach (var property in element.EnumerateObject())
        {
            Walk(property.Value, $"{where}.{property.Name}", problems);
        }
    }
}
