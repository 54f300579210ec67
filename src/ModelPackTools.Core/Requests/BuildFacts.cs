using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Requests;

/// <summary>
/// What `build` computed and `request --facts` reads: where the model data goes and the ETags S3 will report for it
/// (out/facts.json). The request is a function of the spec and these facts only.
/// </summary>
public sealed record BuildFacts
{
    public const string FileName = "facts.json";

    /// <summary>"tar.gz" or "prefix".</summary>
    public required string Format { get; init; }

    /// <summary>The part-size policy the ETags assume (aws-cli, dotnet, single or a size).</summary>
    public required string PartSizes { get; init; }

    public string? ModelDataUrl { get; init; }

    public string? ModelDataETag { get; init; }

    public string? S3Prefix { get; init; }

    public string? ManifestS3Uri { get; init; }

    public string? ManifestEtag { get; init; }

    /// <summary>The local artifact, relative to out/: model.tar.gz, or the layout folder `model`.</summary>
    public required string Artifact { get; init; }

    public string? Manifest { get; init; }

    public required int Files { get; init; }

    public required long Bytes { get; init; }

    public string? Sha256 { get; init; }

    public string? Crc64Nvme { get; init; }

    /// <summary>The tool, runtime and deflate that made these facts; null in facts written before it was recorded.</summary>
    public FactsOrigin? Origin { get; init; }

    public static byte[] Serialize(BuildFacts facts) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(facts, FactsJsonContext.Indented.BuildFacts), (byte)'\n'];

    public static BuildFacts Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), FactsJsonContext.Indented.BuildFacts)
                ?? throw new ModelPackException(DiagnosticCatalog.FactsMismatch, $"'{path}' is empty");
        }
        catch (JsonException e)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.FactsMismatch, $"'{path}' is not a facts file written by `modelpack build`: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, path, e.Message);
        }
    }
}

[JsonSerializable(typeof(BuildFacts))]
internal sealed partial class FactsJsonContext : JsonSerializerContext
{
    public static FactsJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
    });
}
