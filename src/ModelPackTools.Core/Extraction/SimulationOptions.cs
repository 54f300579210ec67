using ModelPackTools.Extraction.Profiles;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>What to simulate: the data mode, the S3 URI the model is (or will be) stored at, and the framework profile.</summary>
public sealed record SimulationOptions
{
    public ExtractionMode Mode { get; init; } = ExtractionMode.S3ObjectGzip;

    /// <summary>The S3 URI given by the user (s3://bucket/prefix/); null when unknown.</summary>
    public S3Location? S3Uri { get; init; }

    /// <summary>The framework whose layout rules run after the generic ones.</summary>
    public FrameworkProfile Profile { get; init; } = FrameworkProfiles.Auto;

    /// <summary>
    /// The serving container's environment (the spec's `environment`), which several containers read to find the
    /// model; null when unknown (a plain check), so rules that need it stay quiet or say what it must contain.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The mode a tree is judged in when the user does not say: archives are model.tar.gz, listings are prefixes.</summary>
    public static ExtractionMode DefaultModeFor(SourceKind source) => source switch
    {
        SourceKind.Listing => ExtractionMode.S3PrefixNone,
        _ => ExtractionMode.S3ObjectGzip,
    };
}
