using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Requests;

namespace ModelPackTools.Spec;

/// <summary>
/// Reads modelpack.json strictly: unknown keys, duplicate keys, wrong types and invalid values are errors with the
/// JSON path and line; comments and trailing commas are allowed (the file is written by people and by `init`).
/// </summary>
public static class SpecReader
{
    public static (ModelPackSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static (ModelPackSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics) Parse(ReadOnlySpan<byte> utf8, string baseDirectory)
    {
        var diagnostics = new DiagnosticBag();
        SpecNode root;
        try
        {
            root = SpecNode.Parse(utf8);
        }
        catch (JsonException e)
        {
            diagnostics.Add(DiagnosticCatalog.SpecNotJson, "$", e.Message);
            return (null, diagnostics.Items);
        }

        if (root.Kind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticCatalog.SpecWrongType, "$", "an object", root.Describe(), root.Line);
            return (null, diagnostics.Items);
        }

        var values = Members(root, "$", SpecFields.All, diagnostics);
        PrefixUris(values, diagnostics);
        var spec = Bind(values, baseDirectory, diagnostics);
        return (diagnostics.HasErrors ? null : spec, diagnostics.Items);
    }

    private static Dictionary<string, SpecNode> Members(SpecNode node, string path, IReadOnlyList<SpecField> fields, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var (name, line, value) in node.Members)
        {
            var memberPath = ShapeValidator.MemberPath(path, name);
            var field = fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                diagnostics.Add(DiagnosticCatalog.SpecUnknownKey, memberPath, name, line);
            }
            else if (!values.TryAdd(name, value))
            {
                diagnostics.Add(DiagnosticCatalog.SpecDuplicateKey, memberPath, name, line);
            }
            else if (!HasType(value, field, memberPath, diagnostics))
            {
                values.Remove(name);
            }
            else if (field.Values is { } allowed && !allowed.Contains(value.Text!, StringComparer.Ordinal))
            {
                diagnostics.Add(DiagnosticCatalog.SpecInvalidValue, memberPath, $"'{value.Text}' is not one of {string.Join(", ", allowed)}", value.Line);
                values.Remove(name);
            }
        }

        return values;
    }

    private static bool HasType(SpecNode value, SpecField field, string path, DiagnosticBag diagnostics)
    {
        bool Fail(SpecNode node, string at, string expected)
        {
            diagnostics.Add(DiagnosticCatalog.SpecWrongType, at, expected, node.Describe(), node.Line);
            return false;
        }

        switch (field.Kind)
        {
            case SpecKind.String:
                return value.Kind == JsonValueKind.String || Fail(value, path, field.Expected);
            case SpecKind.Boolean:
                return value.Kind is JsonValueKind.True or JsonValueKind.False || Fail(value, path, field.Expected);
            case SpecKind.StringList:
                if (value.Kind != JsonValueKind.Array)
                {
                    return Fail(value, path, field.Expected);
                }

                return value.Items.Select((item, i) => item.Kind == JsonValueKind.String || Fail(item, $"{path}[{i}]", "a string")).ToList().TrueForAll(ok => ok);
            case SpecKind.StringMap:
                if (value.Kind != JsonValueKind.Object)
                {
                    return Fail(value, path, field.Expected);
                }

                var ok = true;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (name, line, entry) in value.Members)
                {
                    if (!seen.Add(name))
                    {
                        diagnostics.Add(DiagnosticCatalog.SpecDuplicateKey, ShapeValidator.MemberPath(path, name), name, line);
                        ok = false;
                    }
                    else if (entry.Kind != JsonValueKind.String)
                    {
                        ok = Fail(entry, ShapeValidator.MemberPath(path, name), "a string");
                    }
                }

                return ok;
            default:
                if (value.Kind != JsonValueKind.Array)
                {
                    return Fail(value, path, field.Expected);
                }

                var all = true;
                for (var i = 0; i < value.Items.Count; i++)
                {
                    var item = value.Items[i];
                    if (item.Kind != JsonValueKind.Object)
                    {
                        all = Fail(item, $"{path}[{i}]", "an object");
                        continue;
                    }

                    var before = diagnostics.ErrorCount;
                    Members(item, $"{path}[{i}]", field.Fields!, diagnostics);
                    all &= diagnostics.ErrorCount == before;
                }

                return all;
        }
    }

    private static ModelPackSpec Bind(Dictionary<string, SpecNode> values, string baseDirectory, DiagnosticBag diagnostics)
    {
        string? Text(string key) => values.TryGetValue(key, out var node) ? node.Text : null;
        IReadOnlyList<string> List(string key) => values.TryGetValue(key, out var node) ? node.Items.Select(i => i.Text!).ToList() : [];
        IReadOnlyDictionary<string, string> Map(string key) => values.TryGetValue(key, out var node)
            ? node.Members.ToDictionary(m => m.Name, m => m.Value.Text!, StringComparer.Ordinal)
            : new Dictionary<string, string>();

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
            PartSizes = PartSizes(values, diagnostics),
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
                ? sources.Items.Select(item => DataSource(item)).ToList()
                : [],
            LayoutProfile = Text("layoutProfile") switch
            {
                "link" => LayoutMode.Link,
                "copy" => LayoutMode.Copy,
                _ => LayoutMode.Auto,
            },
        };
    }

    private static SpecDataSource DataSource(SpecNode item)
    {
        string? Text(string key) => item.Members.Where(m => m.Name == key && m.Value.Kind == JsonValueKind.String).Select(m => m.Value.Text).FirstOrDefault();
        return new SpecDataSource(Text("channelName"), Text("s3Uri"), Text("s3DataType") ?? "S3Prefix", Text("compressionType") ?? "None");
    }

    /// <summary>A prefix build lists its objects by key, which needs an s3:// URI (the API also takes https:// for a .tar.gz).</summary>
    private static void PrefixUris(Dictionary<string, SpecNode> values, DiagnosticBag diagnostics)
    {
        if (!values.TryGetValue("format", out var format) || format.Text != "prefix")
        {
            return;
        }

        foreach (var key in (string[])["s3Uri", "manifestS3Uri"])
        {
            if (values.TryGetValue(key, out var uri) && !S3.S3Location.TryParse(uri.Text!, out _))
            {
                diagnostics.Add(DiagnosticCatalog.SpecInvalidValue, $"$.{key}", $"format prefix needs an s3://bucket/key URI, not '{uri.Text}'", uri.Line);
            }
        }
    }

    private static PartSizePolicy PartSizes(Dictionary<string, SpecNode> values, DiagnosticBag diagnostics)
    {
        values.TryGetValue("partSize", out var partSize);
        values.TryGetValue("uploader", out var uploader);
        if (partSize is not null && uploader is not null)
        {
            diagnostics.Add(DiagnosticCatalog.SpecInvalidValue, "$.partSize", "give partSize or uploader, not both", partSize.Line);
            return PartSizePolicy.AwsCli;
        }

        if (partSize is null)
        {
            return uploader is null ? PartSizePolicy.AwsCli : PartSizePolicy.Parse(uploader.Text!);
        }

        try
        {
            if (!char.IsAsciiDigit(partSize.Text!.Trim().FirstOrDefault()))
            {
                throw new FormatException($"'{partSize.Text}' is not a size such as 64MiB (name an uploader with 'uploader')");
            }

            return PartSizePolicy.Parse(partSize.Text);
        }
        catch (Exception e) when (e is FormatException or S3LimitException or ArgumentException)
        {
            diagnostics.Add(DiagnosticCatalog.SpecInvalidValue, "$.partSize", e.Message, partSize.Line);
            return PartSizePolicy.AwsCli;
        }
    }
}
