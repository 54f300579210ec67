using System.Text.Json;

namespace ModelPackTools.Json;

/// <summary>How a JSON value's kind reads in a message ("expected a list, got a string"), for specs and requests alike.</summary>
public static class JsonKindNames
{
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
