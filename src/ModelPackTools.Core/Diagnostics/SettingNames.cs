namespace ModelPackTools.Diagnostics;

/// <summary>
/// The engine's names for the options a diagnostic can point at (<see cref="Diagnostic.Setting"/>). They are the
/// spec's key names where the spec has the option; a front-end maps each to its own spelling (`--part-size`,
/// `ModelPackPartSize`), so the engine can say which option to change without knowing how it is written.
/// </summary>
public static class SettingNames
{
    public const string Mode = "mode";
    public const string S3Uri = "s3Uri";
    public const string ManifestS3Uri = "manifestS3Uri";
    public const string MaxRatio = "maxRatio";
    public const string Profile = "profile";
    public const string ContentScanners = "contentScanners";
    public const string AllowImports = "allowImports";
    public const string Environment = "environment";
    public const string ArtifactFormat = "artifactFormat";
    public const string Level = "level";
    public const string Threads = "threads";
    public const string SourceDateEpoch = "sourceDateEpoch";
    public const string PartSize = "partSize";
    public const string Uploader = "uploader";
    public const string Checksums = "checksums";
    public const string ReportFormat = "format";
    public const string LayoutMode = "layoutMode";
    public const string Concurrency = "concurrency";
    public const string EndpointUrl = "endpointUrl";
    public const string ChecksumAlgorithm = "checksumAlgorithm";
    public const string Manifest = "manifest";
    public const string Overwrite = "overwrite";
    public const string Facts = "facts";
    public const string Output = "output";
}
