using ModelPackTools.Diagnostics;

namespace ModelPackTools.Cli.Commands;

/// <summary>How this front-end spells the engine's settings, for messages that say which option to change.</summary>
internal static class OptionSpellings
{
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        [SettingNames.Mode] = "--mode",
        [SettingNames.S3Uri] = "--s3-uri",
        [SettingNames.ManifestS3Uri] = "--manifest-s3-uri",
        [SettingNames.MaxRatio] = "--max-ratio",
        [SettingNames.Profile] = "--profile",
        [SettingNames.ContentScanners] = "--no-content-scan",
        [SettingNames.AllowImports] = "--allow-import",
        [SettingNames.Level] = "--level",
        [SettingNames.Threads] = "--threads",
        [SettingNames.SourceDateEpoch] = "SOURCE_DATE_EPOCH",
        [SettingNames.PartSize] = "--part-size",
        [SettingNames.Uploader] = "--uploader",
        [SettingNames.Checksums] = "--checksums",
        [SettingNames.ReportFormat] = "--format",
        [SettingNames.LayoutMode] = "--link/--copy",
        [SettingNames.Concurrency] = "--concurrency",
        [SettingNames.EndpointUrl] = "--endpoint-url",
        [SettingNames.ChecksumAlgorithm] = "--checksum-algorithm",
        [SettingNames.Manifest] = "--manifest",
        [SettingNames.Overwrite] = "--force",
        [SettingNames.Facts] = "--facts",
        [SettingNames.Output] = "--output",
    };

    public static string? For(string? setting) => setting is not null && Spellings.TryGetValue(setting, out var spelling) ? spelling : setting;
}
