using ModelPackTools.Archives;
using ModelPackTools.Content;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.S3;
using ModelPackTools.Selection;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>
/// The one settings value of a check, which every writer after it inherits through <see cref="ModelCheck"/>: the data
/// mode, the S3 URI, the framework profile, the content inspectors, the archive limits and which files take part.
/// Front-ends build it from strings once (<c>Options.SettingsParser</c>); nothing downstream re-reads an option.
/// </summary>
public sealed record CheckSettings
{
    /// <summary>The data mode to simulate; null: the default for the kind of input (<see cref="SimulationOptions.DefaultModeFor"/>).</summary>
    public ExtractionMode? Mode { get; init; }

    public S3Location? S3Uri { get; init; }

    public FrameworkProfile Profile { get; init; } = FrameworkProfiles.Auto;

    /// <summary>The serving container's environment when known (a spec's `environment`); see <see cref="SimulationOptions.Environment"/>.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Every shipped inspector unless a front-end chose otherwise: the content scan is on by default.</summary>
    public IReadOnlyList<IContentInspector> ContentInspectors { get; init; } = Content.ContentInspectors.All;

    public ArchiveReadOptions Archive { get; init; } = new();

    public PathSelection Selection { get; init; } = PathSelection.Everything;

    public SimulationOptions SimulationFor(SourceKind source) =>
        new() { Mode = this.Mode ?? SimulationOptions.DefaultModeFor(source), S3Uri = this.S3Uri, Profile = this.Profile, Environment = this.Environment };
}
