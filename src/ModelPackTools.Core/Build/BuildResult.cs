using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Requests;
using ModelPackTools.Selection;

namespace ModelPackTools.Build;

/// <summary>One timed step of a build.</summary>
public sealed record BuildStage(string Name, TimeSpan Elapsed);

/// <summary>
/// What `build` did: the check of the model, every diagnostic (model and request), the facts when the artifact was
/// written, the request when it was valid, and the steps with their timings. Everything is also in out/report.json.
/// </summary>
public sealed record BuildResult
{
    public required string OutputDirectory { get; init; }

    public ExtractionReport? Check { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public BuildFacts? Facts { get; init; }

    /// <summary>The request written under out/, or null (errors, or no s3Uri to put in it).</summary>
    public string? RequestPath { get; init; }

    /// <summary>Why there is no request when there are no errors either (no s3Uri).</summary>
    public string? Note { get; init; }

    public required IReadOnlyList<BuildStage> Stages { get; init; }

    /// <summary>What the build left out of the model: by default the spec, its schema and earlier builds' output.</summary>
    public IReadOnlyList<ExcludedPath> Excluded { get; init; } = [];

    public bool HasErrors => this.Diagnostics.Any(d => d.IsError);
}
