namespace ModelPackTools.Spec;

/// <summary>
/// Every key modelpack.json accepts. The reader checks keys and types against this table, and a test checks the
/// shipped JSON Schema (Spec/modelpack.schema.json) against it, so the two cannot drift apart.
/// </summary>
public static class SpecFields
{
    public static IReadOnlyList<SpecField> DataSource { get; } =
    [
        new("channelName", SpecKind.String, "Channel name: the folder under /opt/ml/additional-model-data-sources."),
        new("s3Uri", SpecKind.String, "S3 URI of the object or prefix."),
        new("s3DataType", SpecKind.String, "S3Object or S3Prefix (default S3Prefix).", Values: ["S3Object", "S3Prefix"]),
        new("compressionType", SpecKind.String, "None or Gzip (default None).", Values: ["None", "Gzip"]),
    ];

    public static IReadOnlyList<SpecField> All { get; } =
    [
        new("$schema", SpecKind.String, "The JSON Schema of this file, for editors."),
        new("modelPackageName", SpecKind.String, "Name of an unversioned model package (exclusive with modelPackageGroupName)."),
        new("modelPackageGroupName", SpecKind.String, "Model package group to add a version to (exclusive with modelPackageName)."),
        new("description", SpecKind.String, "ModelPackageDescription."),
        new("source", SpecKind.String, "The model folder, relative to this file (default: this file's folder)."),
        new("include", SpecKind.StringList, "Globs of files to include (default: everything). `*` stays in one folder, `**` crosses folders."),
        new("exclude", SpecKind.StringList, "Globs of files to leave out."),
        new("format", SpecKind.String, "tar.gz (ModelDataUrl) or prefix (ModelDataSource S3Prefix).", Values: ["tar.gz", "prefix"]),
        new("s3Uri", SpecKind.String, "Destination: s3://bucket/key.tar.gz or s3://bucket/prefix/ (tar.gz appends model.tar.gz to a prefix)."),
        new("manifestS3Uri", SpecKind.String, "Format prefix: where the manifest CSV is uploaded (default: beside the prefix, <prefix>.manifest.csv)."),
        new("partSize", SpecKind.String, "Upload part size such as 64MiB (exclusive with uploader); decides the ETags."),
        new("uploader", SpecKind.String, "Uploader whose part sizes decide the ETags (and whose checksum the manifest records): aws-cli (default), boto3, aws-cli-v2, dotnet (AWSSDK.S3 4.x), dotnet-v3 (AWSSDK.S3 3.x) or single.", Values: ["aws-cli", "boto3", "aws-cli-v2", "dotnet", "dotnet-v3", "single"]),
        new("image", SpecKind.String, "The inference container image (ECR URI)."),
        new("framework", SpecKind.String, "Framework of the container, e.g. PYTORCH."),
        new("frameworkVersion", SpecKind.String, "Framework version, e.g. 2.3."),
        new("environment", SpecKind.StringMap, "Environment variables of the container."),
        new("contentTypes", SpecKind.StringList, "SupportedContentTypes."),
        new("responseMimeTypes", SpecKind.StringList, "SupportedResponseMIMETypes."),
        new("realtimeInstanceTypes", SpecKind.StringList, "SupportedRealtimeInferenceInstanceTypes, e.g. ml.g5.xlarge."),
        new("transformInstanceTypes", SpecKind.StringList, "SupportedTransformInstanceTypes, e.g. ml.m5.xlarge."),
        new("approvalStatus", SpecKind.String, "ModelApprovalStatus.", Values: ["Approved", "Rejected", "PendingManualApproval"]),
        new("certifyForMarketplace", SpecKind.Boolean, "CertifyForMarketplace."),
        new("tags", SpecKind.StringMap, "Tags, as key: value."),
        new("customerMetadata", SpecKind.StringMap, "CustomerMetadataProperties."),
        new("additionalModelDataSources", SpecKind.ObjectList, "AdditionalModelDataSources of the container.", DataSource),
        new("layoutMode", SpecKind.String, "Format prefix: how build writes the layout: auto (hard links, else copies), link or copy.", Values: ["auto", "link", "copy"]),
        new("allowImports", SpecKind.StringList, "Pickle imports reviewed and accepted, module.name each (as --allow-import): otherwise an import outside the allowlist is an error (MPK4001)."),
        new("profile", SpecKind.String, "The framework profile the layout is judged by: auto (inferred from the files and the image), none, pytorch, tensorflow-serving or triton.", Values: ["auto", "none", "pytorch", "tensorflow-serving", "triton"]),
    ];
}
