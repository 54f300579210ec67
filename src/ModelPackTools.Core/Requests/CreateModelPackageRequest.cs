namespace ModelPackTools.Requests;

/// <summary>
/// The body of CreateModelPackage as `aws sagemaker create-model-package --cli-input-json` takes it. Only the members
/// this tool fills in are modelled; names are the API's, the declaration order is the order written, and null members
/// are left out (see <see cref="RequestJson"/>).
/// </summary>
public sealed record CreateModelPackageRequest
{
    public string? ModelPackageName { get; init; }

    public string? ModelPackageGroupName { get; init; }

    public string? ModelPackageDescription { get; init; }

    public required InferenceSpecification InferenceSpecification { get; init; }

    public bool? CertifyForMarketplace { get; init; }

    public IReadOnlyList<RequestTag>? Tags { get; init; }

    public string? ModelApprovalStatus { get; init; }

    public SortedDictionary<string, string>? CustomerMetadataProperties { get; init; }
}

public sealed record InferenceSpecification
{
    public required IReadOnlyList<ModelPackageContainer> Containers { get; init; }

    public IReadOnlyList<string>? SupportedTransformInstanceTypes { get; init; }

    public IReadOnlyList<string>? SupportedRealtimeInferenceInstanceTypes { get; init; }

    public IReadOnlyList<string>? SupportedContentTypes { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("SupportedResponseMIMETypes")]
    public IReadOnlyList<string>? SupportedResponseMimeTypes { get; init; }
}

public sealed record ModelPackageContainer
{
    public string? Image { get; init; }

    public string? ModelDataUrl { get; init; }

    public string? ModelDataETag { get; init; }

    public ModelDataSource? ModelDataSource { get; init; }

    public SortedDictionary<string, string>? Environment { get; init; }

    public string? Framework { get; init; }

    public string? FrameworkVersion { get; init; }

    public IReadOnlyList<AdditionalModelDataSource>? AdditionalModelDataSources { get; init; }
}

public sealed record ModelDataSource(S3ModelDataSource S3DataSource);

public sealed record S3ModelDataSource
{
    public required string S3Uri { get; init; }

    public required string S3DataType { get; init; }

    public required string CompressionType { get; init; }

    public string? ETag { get; init; }

    public string? ManifestS3Uri { get; init; }

    public string? ManifestEtag { get; init; }
}

public sealed record AdditionalModelDataSource(string? ChannelName, S3ModelDataSource S3DataSource);

public sealed record RequestTag(string Key, string Value);
