using System.Text;
using ModelPackTools.Build;
using ModelPackTools.Diagnostics;
using ModelPackTools.Requests;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.Requests;

/// <summary>From spec text to the diagnostics of the request it produces, with the facts a build would compute.</summary>
internal static class SpecRequests
{
    /// <summary>A valid versioned tar.gz spec; tests add or replace keys to break one thing at a time.</summary>
    public const string ValidMembers =
        "\"modelPackageGroupName\": \"sample\", \"s3Uri\": \"s3://bucket/models/sample/\", \"image\": \"123456789012.dkr.ecr.us-east-1.amazonaws.com/infer:1\"";

    public static IReadOnlyList<Diagnostic> Diagnose(string members)
    {
        var spec = Read("{" + members + "}");
        var request = RequestDocument.Create(spec, FactsFor(spec));
        return request.Diagnostics;
    }

    public static ModelPackSpec Read(string json)
    {
        var (spec, diagnostics) = SpecReader.Parse(Encoding.UTF8.GetBytes(json), "/work");
        Assert.True(spec is not null, string.Join("\n", diagnostics));
        return spec!;
    }

    public static BuildFacts FactsFor(ModelPackSpec spec) => spec.Format == ArtifactFormat.TarGz
        ? new BuildFacts { Format = "tar.gz", PartSizes = spec.PartSizes.Name, ModelDataUrl = Destinations.ModelData(spec), ModelDataETag = "0123456789abcdef0123456789abcdef", Artifact = "model.tar.gz", Files = 1, Bytes = 1 }
        : new BuildFacts { Format = "prefix", PartSizes = spec.PartSizes.Name, S3Prefix = Destinations.ModelData(spec), ManifestS3Uri = Destinations.Manifest(spec), ManifestEtag = "0123456789abcdef0123456789abcdef", Artifact = "model", Files = 1, Bytes = 1 };

    public static string[] At(this IReadOnlyList<Diagnostic> diagnostics, string path) =>
        diagnostics.Where(d => d.Path == path).Select(d => d.Code).ToArray();
}
