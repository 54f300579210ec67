using Microsoft.Build.Framework;
using ModelPackTools.Build;
using ModelPackTools.Diagnostics;
using ModelPackTools.Requests;

namespace ModelPackTools.Tasks;

/// <summary>
/// The build step: the engine's whole pipeline (check, then pack or layout, manifest and request) into the staged
/// output folder, exactly as `modelpack build` runs it, so both write the same bytes. Every diagnostic goes to
/// MSBuild's log; nothing goes to the console. Cancelling (Ctrl+C) stops the engine, which then removes its staging
/// folder: no partial output is left.
/// </summary>
public sealed class ModelPackBuild : ModelPackTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The files written: facts.json, report.json, and the artifact (model.tar.gz, or manifest.csv and model/).</summary>
    [Output]
    public ITaskItem[] Written { get; private set; } = [];

    public void Cancel() => this.cancellation.Cancel();

    public void Dispose() => this.cancellation.Dispose();

    public override bool Execute()
    {
        // Under `-m` several model projects build at once: ask the scheduler for cores instead of each taking all.
        var engine = this.BuildEngine as IBuildEngine9;
        var cores = engine?.RequestCores(Environment.ProcessorCount) ?? Environment.ProcessorCount;
        try
        {
            return this.Run(Math.Max(1, cores));
        }
        finally
        {
            engine?.ReleaseCores(cores);
        }
    }

    private bool Run(int threads)
    {
        if (!this.TryResolve(threads, out var spec, out var write, out var check))
        {
            return false;
        }

        try
        {
            var result = BuildPipeline.RunAsync(spec, this.OutputPath, write, check, this.cancellation.Token).GetAwaiter().GetResult();
            DiagnosticLogging.LogAll(this.Log, result.Diagnostics, spec.SpecPath, spec.SourcePath);
            DiagnosticLogging.LogCoverage(this.Log, result.Check?.Content);
            if (this.Log.HasLoggedErrors && result.Facts is not null)
            {
                // A warning MSBuild turned into an error (WarningsAsErrors, -warnaserror): the engine saw none and wrote
                // facts.json, one of the step's Outputs. Without it the next build runs the step again, and fails again.
                File.Delete(Path.Combine(result.OutputDirectory, BuildFacts.FileName));
                return false;
            }

            if (result.Facts is { } facts)
            {
                var written = new[] { BuildFacts.FileName, BuildPipeline.ReportFileName, facts.Artifact, facts.Manifest, result.RequestPath is null ? null : Path.GetFileName(result.RequestPath) };
                this.Written = Items(written.OfType<string>().Select(f => Path.Combine(result.OutputDirectory, f)).Where(File.Exists));
                var etag = facts.ModelDataETag ?? facts.ManifestEtag;
                this.Log.LogMessage(MessageImportance.Normal, $"ModelPack: {Path.Combine(result.OutputDirectory, facts.Artifact)}: {facts.Files} files, {facts.Bytes} bytes{(etag is null ? string.Empty : $", ETag {etag}")}");
            }
        }
        catch (ModelPackException e)
        {
            this.LogFailure(e, spec);
        }
        catch (OperationCanceledException)
        {
            DiagnosticLogging.Log(this.Log, DiagnosticCatalog.Cancelled.Create(null, "the build was cancelled; nothing was written"), null, null);
        }

        return !this.Log.HasLoggedErrors;
    }
}
