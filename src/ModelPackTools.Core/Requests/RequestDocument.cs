using ModelPackTools.Diagnostics;
using ModelPackTools.Spec;

namespace ModelPackTools.Requests;

/// <summary>A serialised request and what validation found in it; write it only when it has no errors.</summary>
public sealed record RequestDocument(byte[] Json, IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string FileName = "create-model-package.json";

    public bool HasErrors => this.Diagnostics.Any(d => d.IsError);

    /// <summary>Builds, serialises and validates the request for a spec and the facts a build computed.</summary>
    public static RequestDocument Create(ModelPackSpec spec, BuildFacts facts)
    {
        var json = RequestJson.Serialize(RequestBuilder.Build(spec, facts));
        return new RequestDocument(json, RequestSpecKeys.Locate(RequestValidator.Validate(json), spec));
    }

    /// <summary>Why facts from an earlier build do not describe this spec, or null when they do.</summary>
    public static string? Mismatch(ModelPackSpec spec, BuildFacts facts)
    {
        var format = spec.Format == ArtifactFormat.Prefix ? "prefix" : "tar.gz";
        if (facts.Origin != FactsOrigin.Current)
        {
            var made = facts.Origin is { } o ? $"{o.Tool} on {o.Runtime} with {o.Compression}" : "a modelpack that did not record its origin";
            var current = FactsOrigin.Current;
            return $"the facts were made by {made}; this is {current.Tool} on {current.Runtime} with {current.Compression}: build again with this one";
        }

        if (facts.Format != format)
        {
            return $"the facts are for format {facts.Format}, the spec says {format}";
        }

        if (facts.PartSizes != spec.PartSizes.Name)
        {
            return $"the facts' ETags assume part sizes '{facts.PartSizes}', the spec says '{spec.PartSizes.Name}'";
        }

        var data = Destinations.ModelData(spec);
        var factData = format == "prefix" ? facts.S3Prefix : facts.ModelDataUrl;
        if (data is null)
        {
            return "the spec gives no s3Uri, so there is no model data location to put in a request";
        }

        if (factData != data)
        {
            return $"the facts are for '{factData ?? "(no s3Uri)"}', the spec says '{data}'";
        }

        var manifest = Destinations.Manifest(spec);
        return manifest == facts.ManifestS3Uri ? null : $"the facts' manifest is '{facts.ManifestS3Uri}', the spec says '{manifest}'";
    }
}
