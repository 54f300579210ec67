using System.Text.RegularExpressions;
using ModelPackTools.Diagnostics;
using ModelPackTools.Json;
using ModelPackTools.Spec;

namespace ModelPackTools.Requests;

/// <summary>
/// Which spec key produced a request member, so a request finding in a spec-driven build points at the line the user
/// wrote (`modelPackageGroupName`), not only at `$.ModelPackageGroupName`. The inverse of <see cref="RequestBuilder"/>.
/// </summary>
internal static partial class RequestSpecKeys
{
    private const string Container = @"\$\.InferenceSpecification\.Containers\[0\]";
    private const string Sources = Container + @"\.AdditionalModelDataSources\[(\d+)\]";

    private static readonly (Regex Request, string Spec)[] Keys =
    [
        (Member(@"\$\.ModelPackageName"), "$.modelPackageName"),
        (Member(@"\$\.ModelPackageGroupName"), "$.modelPackageGroupName"),
        (Member(@"\$\.ModelPackageDescription"), "$.description"),
        (Member(@"\$\.CertifyForMarketplace"), "$.certifyForMarketplace"),
        (Member(@"\$\.ModelApprovalStatus"), "$.approvalStatus"),
        (Member(@"\$\.CustomerMetadataProperties"), "$.customerMetadata"),
        (Member(@"\$\.InferenceSpecification\.SupportedTransformInstanceTypes"), "$.transformInstanceTypes"),
        (Member(@"\$\.InferenceSpecification\.SupportedRealtimeInferenceInstanceTypes"), "$.realtimeInstanceTypes"),
        (Member(@"\$\.InferenceSpecification\.SupportedContentTypes"), "$.contentTypes"),
        (Member(@"\$\.InferenceSpecification\.SupportedResponseMIMETypes"), "$.responseMimeTypes"),
        (Member(Container + @"\.Image"), "$.image"),
        (Member(Container + @"\.Environment"), "$.environment"),
        (Member(Container + @"\.FrameworkVersion"), "$.frameworkVersion"),
        (Member(Container + @"\.Framework"), "$.framework"),
        (Member(Container + @"\.ModelDataUrl"), "$.s3Uri"),
        (Member(Container + @"\.ModelDataSource\.S3DataSource\.ManifestS3Uri"), "$.manifestS3Uri"),
        (Member(Container + @"\.ModelDataSource\.S3DataSource\.S3Uri"), "$.s3Uri"),
        (Member(Sources + @"\.ChannelName"), "$.additionalModelDataSources[$1].channelName"),
        (Member(Sources + @"\.S3DataSource\.S3Uri"), "$.additionalModelDataSources[$1].s3Uri"),
        (Member(Sources + @"\.S3DataSource\.S3DataType"), "$.additionalModelDataSources[$1].s3DataType"),
        (Member(Sources + @"\.S3DataSource\.CompressionType"), "$.additionalModelDataSources[$1].compressionType"),
        (Member(Sources), "$.additionalModelDataSources[$1]"),
    ];

    /// <summary>The diagnostics, each located at the spec key behind its request path when the spec has that key.</summary>
    public static IReadOnlyList<Diagnostic> Locate(IReadOnlyList<Diagnostic> diagnostics, ModelPackSpec spec) =>
        [.. diagnostics.Select(d => d.Location is null && d.Path is not null && Find(d.Path, spec) is { } at ? d with { Location = at } : d)];

    private static SourceLocation? Find(string requestPath, ModelPackSpec spec)
    {
        var specPath = SpecPath(requestPath, spec);
        while (specPath is { Length: > 1 })
        {
            if (spec.Locations.TryGetValue(specPath, out var location))
            {
                return location;
            }

            // `$.environment.KEY` unknown: point at `$.environment`.
            var cut = Math.Max(specPath.LastIndexOf('.'), specPath.LastIndexOf('['));
            specPath = cut > 1 ? specPath[..cut] : null;
        }

        return null;
    }

    private static string? SpecPath(string requestPath, ModelPackSpec spec)
    {
        var tag = TagIndex().Match(requestPath);
        if (tag.Success)
        {
            // Tags are written sorted by key; the index is into that order.
            var keys = spec.Tags.Keys.Order(StringComparer.Ordinal).ToList();
            var index = int.Parse(tag.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return index < keys.Count ? JsonPath.Member("$.tags", keys[index]) : "$.tags";
        }

        foreach (var (request, specKey) in Keys)
        {
            var match = request.Match(requestPath);
            if (match.Success)
            {
                return match.Result(specKey) + requestPath[match.Length..];
            }
        }

        return null;
    }

    private static Regex Member(string pattern) => new("^" + pattern + @"(?=$|[.\[])", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^\$\.Tags\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex TagIndex();
}
