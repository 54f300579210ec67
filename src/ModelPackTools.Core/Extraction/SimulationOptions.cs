using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>What to simulate: the data mode and, when known, the S3 URI the model is (or will be) stored at.</summary>
public sealed record SimulationOptions
{
    public ExtractionMode Mode { get; init; } = ExtractionMode.S3ObjectGzip;

    /// <summary>The S3 URI given by the user (s3://bucket/prefix/); null when unknown.</summary>
    public string? S3Uri { get; init; }

    /// <summary>The mode a tree is judged in when the user does not say: archives are model.tar.gz, listings are prefixes.</summary>
    public static ExtractionMode DefaultModeFor(SourceKind source) => source switch
    {
        SourceKind.Listing => ExtractionMode.S3PrefixNone,
        _ => ExtractionMode.S3ObjectGzip,
    };
}
