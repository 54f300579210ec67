using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelPackTools.Requests;

/// <summary>
/// Serialises the request with the source-generated context: members in declaration order, nulls left out, maps
/// sorted ordinally (they are SortedDictionary), two-space indentation and LF line ends, so the same spec and facts
/// give the same bytes on every machine.
/// </summary>
public static class RequestJson
{
    private static readonly RequestJsonContext Context = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize(CreateModelPackageRequest request)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(request, Context.CreateModelPackageRequest);
        return [.. bytes, (byte)'\n'];
    }
}

[JsonSerializable(typeof(CreateModelPackageRequest))]
internal sealed partial class RequestJsonContext : JsonSerializerContext;
