using Microsoft.Build.Framework;
using ModelPackTools.Build;
using ModelPackTools.Diagnostics;
using ModelPackTools.Requests;
using ModelPackTools.Spec;

namespace ModelPackTools.Tasks;

/// <summary>
/// The incremental build's Inputs and Outputs, from the engine: every file the build would read (the spec and the
/// model files after its globs), the hash of the options that are not files (for the cache file the targets keep),
/// and the files a successful build leaves, facts.json among them, which a failed build never writes, so a build
/// with errors is never up to date.
/// </summary>
public sealed class ModelPackInputs : ModelPackTask
{
    [Output]
    public ITaskItem[] Files { get; private set; } = [];

    [Output]
    public string OptionsHash { get; private set; } = string.Empty;

    [Output]
    public ITaskItem[] Outputs { get; private set; } = [];

    public override bool Execute()
    {
        if (!this.TryResolve(1, out var spec, out var write, out var check))
        {
            return false;
        }

        try
        {
            this.Files = Items(BuildInputs.Files(spec, this.OutputPath));
        }
        catch (ModelPackException e)
        {
            this.LogFailure(e, spec);
            return false;
        }

        this.OptionsHash = BuildInputs.OptionsHash(spec, write, check, this.OutputPath);
        var artifact = spec.Format == ArtifactFormat.Prefix ? BuildPipeline.ManifestFileName : Destinations.ArchiveName;
        this.Outputs = Items(new[] { BuildFacts.FileName, BuildPipeline.ReportFileName, artifact }.Select(f => Path.Combine(Path.GetFullPath(this.OutputPath), f)));
        return !this.Log.HasLoggedErrors;
    }
}
