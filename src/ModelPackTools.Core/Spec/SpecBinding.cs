using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Options;
using ModelPackTools.S3;

namespace ModelPackTools.Spec;

/// <summary>Turns a spec's checked keys into a <see cref="ModelPackSpec"/>; values that need parsing use the options' own parsers.</summary>
internal static class SpecBinding
{
    public static ModelPackSpec Bind(Dictionary<string, SpecNode> values, string baseDirectory, SpecFindings findings)
    {
        string? Text(string key) => values.TryGetValue(key, out var node) ? node.Text : null;
        IReadOnlyList<string> List(string key) => values.TryGetValue(key, out var node) ? node.Items.Select(i => i.Text!).ToList() : [];
        IReadOnlyDictionary<string, string> Map(string key) => values.TryGetValue(key, out var node)
            ? node.Members.ToDictionary(m => m.Name, m => m.Value.Text!, StringComparer.Ordinal)
            : new Dictionary<string, string>();

        PrefixUris(values, findings);
        // The schema's values were checked above; an unknown one never gets here.
        var layoutMode = OptionValues.TryParseLayoutMode(Text("layoutMode"), out var mode, out _) ? mode : LayoutMode.Auto;
        return new ModelPackSpec
        {
            BaseDirectory = baseDirectory,
            ModelPackageName = Text("modelPackageName"),
            ModelPackageGroupName = Text("modelPackageGroupName"),
            Description = Text("description"),
            Source = Text("source") ?? ".",
            Include = List("include"),
            Exclude = List("exclude"),
            Format = Text("format") == "prefix" ? ArtifactFormat.Prefix : ArtifactFormat.TarGz,
            S3Uri = Text("s3Uri"),
            ManifestS3Uri = Text("manifestS3Uri"),
            PartSizes = PartSizes(values, findings),
            Image = Text("image"),
            Framework = Text("framework"),
            FrameworkVersion = Text("frameworkVersion"),
            Environment = Map("environment"),
            ContentTypes = List("contentTypes"),
            ResponseMimeTypes = List("responseMimeTypes"),
            RealtimeInstanceTypes = List("realtimeInstanceTypes"),
            TransformInstanceTypes = List("transformInstanceTypes"),
            ApprovalStatus = Text("approvalStatus"),
            CertifyForMarketplace = values.TryGetValue("certifyForMarketplace", out var certify) ? certify.Kind == JsonValueKind.True : null,
            Tags = Map("tags"),
            CustomerMetadata = Map("customerMetadata"),
            AdditionalModelDataSources = values.TryGetValue("additionalModelDataSources", out var sources)
                ? sources.Items.Select(DataSource).ToList()
                : [],
            LayoutMode = layoutMode,
            Profile = Text("profile"),
            AllowImports = AllowImports(values, findings),
            Locations = findings.Locations,
        };
    }

    private static SpecDataSource DataSource(SpecNode item)
    {
        string? Text(string key) => item.Members.Where(m => m.Name == key && m.Value.Kind == JsonValueKind.String).Select(m => m.Value.Text).FirstOrDefault();
        return new SpecDataSource(Text("channelName"), Text("s3Uri"), Text("s3DataType") ?? "S3Prefix", Text("compressionType") ?? "None");
    }

    /// <summary>A prefix build lists its objects by key, which needs an s3:// URI (the API also takes https:// for a .tar.gz).</summary>
    private static void PrefixUris(Dictionary<string, SpecNode> values, SpecFindings findings)
    {
        if (!values.TryGetValue("format", out var format) || format.Text != "prefix")
        {
            return;
        }

        foreach (var key in (string[])["s3Uri", "manifestS3Uri"])
        {
            if (values.TryGetValue(key, out var uri) && !S3Location.TryParse(uri.Text!, out _))
            {
                findings.Add(DiagnosticCatalog.SpecInvalidValue, $"$.{key}", uri, $"format prefix needs an s3://bucket/key URI, not '{uri.Text}'");
            }
        }
    }

    private static IReadOnlyList<string> AllowImports(Dictionary<string, SpecNode> values, SpecFindings findings)
    {
        if (!values.TryGetValue("allowImports", out var node))
        {
            return [];
        }

        var names = node.Items.Select(i => i.Text!).ToList();
        if (OptionValues.TryParseAllowImports(names, out var imports, out var problem))
        {
            return imports;
        }

        findings.Add(DiagnosticCatalog.SpecInvalidValue, "$.allowImports", node, problem!.Message);
        return [];
    }

    private static PartSizePolicy PartSizes(Dictionary<string, SpecNode> values, SpecFindings findings)
    {
        values.TryGetValue("partSize", out var partSize);
        values.TryGetValue("uploader", out var uploader);
        if (OptionValues.TryParsePartSizes(partSize?.Text, uploader?.Text, out var policy, out var problem))
        {
            return policy;
        }

        // The same parser as the command line's, reported as the spec value it is, at its line.
        var at = partSize ?? uploader!;
        findings.Add(DiagnosticCatalog.SpecInvalidValue, partSize is null ? "$.uploader" : "$.partSize", at, problem!.Message);
        return policy;
    }
}
