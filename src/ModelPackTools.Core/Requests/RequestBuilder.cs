using ModelPackTools.Spec;

namespace ModelPackTools.Requests;

/// <summary>Turns the spec and the computed facts into the CreateModelPackage request. No I/O.</summary>
public static class RequestBuilder
{
    public static CreateModelPackageRequest Build(ModelPackSpec spec, BuildFacts facts)
    {
        var prefix = facts.Format == "prefix";
        var container = new ModelPackageContainer
        {
            Image = spec.Image,
            ModelDataUrl = prefix ? null : facts.ModelDataUrl,
            ModelDataETag = prefix ? null : facts.ModelDataETag,
            ModelDataSource = prefix
                ? new ModelDataSource(new S3ModelDataSource
                {
                    S3Uri = facts.S3Prefix!,
                    S3DataType = "S3Prefix",
                    CompressionType = "None",
                    ManifestS3Uri = facts.ManifestS3Uri,
                    ManifestEtag = facts.ManifestEtag,
                })
                : null,
            Environment = Sorted(spec.Environment),
            Framework = spec.Framework,
            FrameworkVersion = spec.FrameworkVersion,
            AdditionalModelDataSources = spec.AdditionalModelDataSources.Count == 0
                ? null
                : spec.AdditionalModelDataSources.Select(s => new AdditionalModelDataSource(
                    s.ChannelName,
                    new S3ModelDataSource { S3Uri = s.S3Uri!, S3DataType = s.S3DataType, CompressionType = s.CompressionType })).ToList(),
        };

        return new CreateModelPackageRequest
        {
            ModelPackageName = spec.ModelPackageName,
            ModelPackageGroupName = spec.ModelPackageGroupName,
            ModelPackageDescription = spec.Description,
            InferenceSpecification = new InferenceSpecification
            {
                Containers = [container],
                SupportedTransformInstanceTypes = NullIfEmpty(spec.TransformInstanceTypes),
                SupportedRealtimeInferenceInstanceTypes = NullIfEmpty(spec.RealtimeInstanceTypes),
                SupportedContentTypes = NullIfEmpty(spec.ContentTypes),
                SupportedResponseMimeTypes = NullIfEmpty(spec.ResponseMimeTypes),
            },
            CertifyForMarketplace = spec.CertifyForMarketplace,
            Tags = spec.Tags.Count == 0 ? null : spec.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new RequestTag(t.Key, t.Value)).ToList(),
            ModelApprovalStatus = spec.ApprovalStatus,
            CustomerMetadataProperties = Sorted(spec.CustomerMetadata),
        };
    }

    private static SortedDictionary<string, string>? Sorted(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? null : new SortedDictionary<string, string>(map.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;
}
