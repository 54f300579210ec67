using ModelPackTools.Diagnostics;
using ModelPackTools.Options;
using ModelPackTools.Spec;

namespace ModelPackTools.Build;

/// <summary>
/// Values a front-end sets over the spec's (an MSBuild property such as ModelPackFormat), as text, null or empty when
/// not set. Parsed here, once, so the build step and the tool refuse the same values with the same MPK9004.
/// </summary>
public sealed record SpecOverrides
{
    public string? Format { get; init; }

    public string? S3Uri { get; init; }

    public string? PartSize { get; init; }

    public string? Uploader { get; init; }

    public bool TryApply(ModelPackSpec spec, out ModelPackSpec result, out IReadOnlyList<Diagnostic> problems)
    {
        var found = new List<Diagnostic>();
        result = spec;
        if (!string.IsNullOrEmpty(this.Format))
        {
            if (this.Format is "tar.gz" or "prefix")
            {
                result = result with { Format = this.Format == "prefix" ? ArtifactFormat.Prefix : ArtifactFormat.TarGz };
            }
            else
            {
                found.Add(DiagnosticCatalog.InvalidOption.Create(null, $"'{this.Format}' is not an artifact format: use tar.gz or prefix") with { Setting = SettingNames.ArtifactFormat });
            }
        }

        if (!string.IsNullOrEmpty(this.S3Uri))
        {
            if (OptionValues.TryParseS3Uri(this.S3Uri, SettingNames.S3Uri, out _, out var problem))
            {
                result = result with { S3Uri = this.S3Uri };
            }
            else
            {
                found.Add(problem!);
            }
        }

        if (!string.IsNullOrEmpty(this.PartSize) || !string.IsNullOrEmpty(this.Uploader))
        {
            if (OptionValues.TryParsePartSizes(this.PartSize, this.Uploader, out var policy, out var problem))
            {
                result = result with { PartSizes = policy };
            }
            else
            {
                found.Add(problem!);
            }
        }

        problems = found;
        return found.Count == 0;
    }
}
