using System.Buffers.Binary;
using System.Text.Json;

namespace ModelPackTools.Content.Safetensors;

/// <summary>
/// Validates a safetensors header as the format defines it (huggingface/safetensors, safetensors/src/tensor.rs): an
/// 8-byte little-endian header length, a JSON object with no duplicate keys, known dtypes, shape x dtype size equal to
/// each byte range, ranges in bounds, non-overlapping and covering the data exactly, `__metadata__` strings only.
/// Reads only the header, never the tensor payload.
/// </summary>
public static class SafetensorsHeaderValidator
{
    /// <summary>The largest header accepted (the reference implementation's MAX_HEADER_SIZE is 100 MB).</summary>
    public const long MaxHeaderLength = 100_000_000;

    private static readonly Dictionary<string, int> DtypeSizes = new(StringComparer.Ordinal)
    {
        ["BOOL"] = 1,
        ["U8"] = 1,
        ["I8"] = 1,
        ["F8_E5M2"] = 1,
        ["F8_E4M3"] = 1,
        ["I16"] = 2,
        ["U16"] = 2,
        ["F16"] = 2,
        ["BF16"] = 2,
        ["I32"] = 4,
        ["U32"] = 4,
        ["F32"] = 4,
        ["F64"] = 8,
        ["I64"] = 8,
        ["U64"] = 8,
    };

    /// <summary>The problems found, empty for a valid file. <paramref name="prefix"/> holds at least the header.</summary>
    public static IReadOnlyList<string> Validate(ReadOnlySpan<byte> prefix, long fileLength)
    {
        if (HeaderProblem(prefix, fileLength) is { } problem)
        {
            return [problem];
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);

        long dataLength = fileLength - 8 - (long)headerLength;
        var problems = new List<string>();
        var ranges = new List<(long Begin, long End, string Name)>();
        try
        {
            using JsonDocument doc = JsonDocument.Parse(prefix.Slice(8, (int)headerLength).ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ["the header is not a JSON object"];
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty tensor in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(tensor.Name))
                {
                    problems.Add($"duplicate key '{tensor.Name}'");
                }
                else if (tensor.Name == "__metadata__")
                {
                    if (tensor.Value.ValueKind != JsonValueKind.Object || tensor.Value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
                    {
                        problems.Add("__metadata__ must map strings to strings");
                    }
                }
                else if (CheckTensor(tensor, dataLength, problems) is { } range)
                {
                    ranges.Add(range);
                }
            }
        }
        catch (JsonException e)
        {
            return [$"the header is not valid JSON: {e.Message}"];
        }

        long expected = 0;
        foreach (var (begin, end, name) in ranges.OrderBy(r => r.Begin).ThenBy(r => r.End))
        {
            if (begin != expected)
            {
                problems.Add(begin < expected ? $"tensor '{name}' overlaps the one before it" : $"a gap before tensor '{name}'");
            }

            expected = Math.Max(expected, end);
        }

        if (problems.Count == 0 && expected != dataLength)
        {
            problems.Add($"the tensors cover {expected} of the {dataLength} data bytes");
        }

        return problems;
    }

    /// <summary>
    /// The names of the tensors a header declares (not `__metadata__`), in the header's order; null when the prefix
    /// holds no readable header. For a judgement that needs only the names (a shard index's), not the whole validation.
    /// </summary>
    public static IReadOnlyList<string>? TensorNames(ReadOnlySpan<byte> prefix, long fileLength)
    {
        if (HeaderProblem(prefix, fileLength) is not null)
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(prefix.Slice(8, (int)BinaryPrimitives.ReadUInt64LittleEndian(prefix)).ToArray());
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? [.. doc.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "__metadata__")]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The 8-byte length and the header it announces fit the file, the limit and the prefix read.
    private static string? HeaderProblem(ReadOnlySpan<byte> prefix, long fileLength)
    {
        if (prefix.Length < 8)
        {
            return "truncated: no 8-byte header length";
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        return headerLength > MaxHeaderLength || (long)headerLength > fileLength - 8 || (long)headerLength > prefix.Length - 8
            ? $"header length {headerLength} is beyond the file or the {MaxHeaderLength}-byte limit"
            : null;
    }

    private static (long, long, string)? CheckTensor(JsonProperty tensor, long dataLength, List<string> problems)
    {
        JsonElement value = tensor.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out JsonElement dtype) || dtype.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("shape", out JsonElement shape) || shape.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out JsonElement offsets) || offsets.ValueKind != JsonValueKind.Array
            || offsets.GetArrayLength() != 2
            || !offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end))
        {
            problems.Add($"tensor '{tensor.Name}' needs dtype, shape and two data_offsets");
            return null;
        }

        if (!DtypeSizes.TryGetValue(dtype.GetString()!, out int size))
        {
            problems.Add($"tensor '{tensor.Name}' has unknown dtype '{dtype.GetString()}'");
            return null;
        }

        long count = 1;
        foreach (JsonElement dim in shape.EnumerateArray())
        {
            if (!dim.TryGetInt64(out long d) || d < 0 || (d != 0 && count > long.MaxValue / d / size))
            {
                problems.Add($"tensor '{tensor.Name}' has an invalid shape");
                return null;
            }

            count *= d;
        }

        if (begin < 0 || end < begin || end > dataLength)
        {
            problems.Add($"tensor '{tensor.Name}' range [{begin}, {end}) is out of the {dataLength} data bytes");
            return null;
        }

        if (count * size != end - begin)
        {
            problems.Add($"tensor '{tensor.Name}' has {count * size} bytes by shape but a {end - begin}-byte range");
        }

        return (begin, end, tensor.Name);
    }
}
