using System.Text.Json;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Requests;

/// <summary>
/// What the CreateModelPackage documentation says beyond the shapes: name or group; ModelDataUrl is a .tar.gz; an
/// S3Prefix is uncompressed and ends with '/'; at most 16 environment variables; ModelDataSource cannot be used with
/// AWS Marketplace or batch transform; unversioned packages list their instance types. Works on the JSON, so a
/// hand-written request is judged the same as a generated one.
/// </summary>
public static class RequestRules
{
    public const int DocumentedEnvironmentLimit = 16;

    public static void Check(JsonElement request, DiagnosticBag diagnostics)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var name = Text(request, "ModelPackageName");
        var group = Text(request, "ModelPackageGroupName");
        if ((name is null) == (group is null))
        {
            diagnostics.Add(DiagnosticCatalog.NameOrGroup, "$", name is null ? "neither ModelPackageName nor ModelPackageGroupName is set" : "both ModelPackageName and ModelPackageGroupName are set");
        }

        if (Text(request, "SamplePayloadUrl") is { } sample && !IsTarGz(sample))
        {
            diagnostics.Add(DiagnosticCatalog.ModelDataUrlNotTarGz, "$.SamplePayloadUrl", sample);
        }

        var marketplace = request.TryGetProperty("CertifyForMarketplace", out var certify) && certify.ValueKind == JsonValueKind.True;
        foreach (var (specification, path) in Specifications(request))
        {
            if (name is not null && path == "$.InferenceSpecification")
            {
                foreach (var member in (string[])["SupportedTransformInstanceTypes", "SupportedRealtimeInferenceInstanceTypes"])
                {
                    if (!specification.TryGetProperty(member, out _))
                    {
                        diagnostics.Add(DiagnosticCatalog.UnversionedNeedsInstanceTypes, $"{path}.{member}", member);
                    }
                }
            }

            var usesDataSource = false;
            foreach (var (container, containerPath) in Items(specification, "Containers", path))
            {
                usesDataSource |= Container(container, containerPath, diagnostics);
            }

            if (usesDataSource && marketplace)
            {
                diagnostics.Add(DiagnosticCatalog.ModelDataSourceWithMarketplace, "$.CertifyForMarketplace");
            }

            if (usesDataSource && specification.TryGetProperty("SupportedTransformInstanceTypes", out _))
            {
                diagnostics.Add(DiagnosticCatalog.ModelDataSourceWithTransform, $"{path}.SupportedTransformInstanceTypes");
            }
        }
    }

    /// <summary>Checks one container; returns whether it uses ModelDataSource.</summary>
    private static bool Container(JsonElement container, string path, DiagnosticBag diagnostics)
    {
        if (container.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var url = Text(container, "ModelDataUrl");
        if (url is not null && !IsTarGz(url))
        {
            diagnostics.Add(DiagnosticCatalog.ModelDataUrlNotTarGz, $"{path}.ModelDataUrl", url);
        }

        var hasSource = container.TryGetProperty("ModelDataSource", out var source) && source.ValueKind == JsonValueKind.Object;
        if (url is not null && hasSource)
        {
            diagnostics.Add(DiagnosticCatalog.ModelDataTwice, path);
        }

        if (container.TryGetProperty("Environment", out var environment) && environment.ValueKind == JsonValueKind.Object)
        {
            var count = environment.EnumerateObject().Count();
            if (count > DocumentedEnvironmentLimit)
            {
                diagnostics.Add(DiagnosticCatalog.EnvironmentEntries, $"{path}.Environment", count);
            }
        }

        if (hasSource && source.TryGetProperty("S3DataSource", out var s3) && s3.ValueKind == JsonValueKind.Object)
        {
            S3DataSource(s3, $"{path}.ModelDataSource.S3DataSource", diagnostics);
        }

        foreach (var (additional, additionalPath) in Items(container, "AdditionalModelDataSources", path))
        {
            if (additional.ValueKind == JsonValueKind.Object && additional.TryGetProperty("S3DataSource", out var additionalS3) && additionalS3.ValueKind == JsonValueKind.Object)
            {
                S3DataSource(additionalS3, $"{additionalPath}.S3DataSource", diagnostics);
            }
        }

        return hasSource;
    }

    private static void S3DataSource(JsonElement s3, string path, DiagnosticBag diagnostics)
    {
        var dataType = Text(s3, "S3DataType");
        var compression = Text(s3, "CompressionType");
        var uri = Text(s3, "S3Uri");
        if (dataType == "S3Prefix")
        {
            if (compression is not null and not "None")
            {
                diagnostics.Add(DiagnosticCatalog.PrefixNeedsNoCompression, $"{path}.CompressionType", compression);
            }

            if (uri is not null && !uri.EndsWith('/'))
            {
                diagnostics.Add(DiagnosticCatalog.PrefixWithoutSlash, $"{path}.S3Uri", uri);
            }
        }

        var manifest = Text(s3, "ManifestS3Uri");
        var manifestEtag = Text(s3, "ManifestEtag");
        if (manifestEtag is not null && manifest is null)
        {
            diagnostics.Add(DiagnosticCatalog.ManifestWithoutPrefix, $"{path}.ManifestEtag", "ManifestEtag is set without ManifestS3Uri");
        }
        else if (manifest is not null && dataType is not null and not "S3Prefix")
        {
            diagnostics.Add(DiagnosticCatalog.ManifestWithoutPrefix, $"{path}.ManifestS3Uri", $"a manifest lists the objects of an S3Prefix, but S3DataType is {dataType}");
        }

        if (s3.TryGetProperty("ModelAccessConfig", out var access) && access.ValueKind == JsonValueKind.Object &&
            access.TryGetProperty("AcceptEula", out var eula) && eula.ValueKind == JsonValueKind.False)
        {
            diagnostics.Add(DiagnosticCatalog.EulaNotAccepted, $"{path}.ModelAccessConfig.AcceptEula");
        }
    }

    private static IEnumerable<(JsonElement Specification, string Path)> Specifications(JsonElement request)
    {
        if (request.TryGetProperty("InferenceSpecification", out var main) && main.ValueKind == JsonValueKind.Object)
        {
            yield return (main, "$.InferenceSpecification");
        }

        foreach (var item in Items(request, "AdditionalInferenceSpecifications", "$"))
        {
            if (item.Item.ValueKind == JsonValueKind.Object)
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement parent, string member, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(member, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            yield return (item, $"{path}.{member}[{index++}]");
        }
    }

    private static string? Text(JsonElement parent, string member) =>
        parent.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsTarGz(string uri) => uri.EndsWith(".tar.gz", StringComparison.Ordinal);
}
