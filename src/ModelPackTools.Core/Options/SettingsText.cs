namespace ModelPackTools.Options;

/// <summary>
/// The check's settings as a front-end receives them: strings, null or empty when not given. The CLI fills it from
/// its options, an MSBuild task from its properties; <see cref="SettingsParser"/> turns it into a CheckSettings once.
/// </summary>
public sealed record SettingsText
{
    public string? Mode { get; init; }

    public string? S3Uri { get; init; }

    public string? MaxRatio { get; init; }

    public string? Profile { get; init; }

    /// <summary>"all" when not given: every file is scanned unless a front-end says "none" (`--no-content-scan`).</summary>
    public string? ContentScanners { get; init; }

    /// <summary>Pickle imports a user reviewed and accepts, `module.name` each (`--allow-import`, the spec's `allowImports`).</summary>
    public IReadOnlyList<string>? AllowImports { get; init; }

    /// <summary>The serving container's environment as NAME=VALUE pairs; null when not given (then it is unknown).</summary>
    public IReadOnlyList<string>? Environment { get; init; }
}

/// <summary>How a build or a pack writes, as text: compression level, threads, SOURCE_DATE_EPOCH, part sizes, checksums.</summary>
public sealed record WriteText
{
    public string? Level { get; init; }

    public string? Threads { get; init; }

    public string? SourceDateEpoch { get; init; }

    public string? PartSize { get; init; }

    public string? Uploader { get; init; }

    public string? Checksums { get; init; }
}
