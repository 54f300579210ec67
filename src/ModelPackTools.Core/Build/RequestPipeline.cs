using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.IO;
using ModelPackTools.Options;
using ModelPackTools.Requests;
using ModelPackTools.Spec;

namespace ModelPackTools.Build;

/// <summary>What `request` did: the request written (or not), every diagnostic, and whether a build had to fail first.</summary>
public sealed record RequestResult(string? WrittenPath, BuildFacts? Facts, IReadOnlyList<Diagnostic> Diagnostics, bool BuildFailed)
{
    public bool HasErrors => this.Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The CreateModelPackage request for a spec, from a build's facts.json or, without one, from a build into a
/// temporary folder that is deleted after (the artifacts are deterministic, so the ETags are those `build` writes).
/// The request is written staged, and only when it breaks no constraint.
/// </summary>
public static class RequestPipeline
{
    /// <param name="factsDirectory">A build's output folder; null builds into a temporary folder for the facts.</param>
    /// <exception cref="ModelPackException">MPK9014 without an s3Uri; MPK9009 for facts of another build.</exception>
    public static async Task<RequestResult> RunAsync(
        ModelPackSpec spec, string? factsDirectory, string outputPath, WriteSettings write, CheckSettings? settings = null, CancellationToken cancellationToken = default)
    {
        if (Destinations.ModelData(spec) is null)
        {
            throw new ModelPackException(DiagnosticCatalog.NoModelDataLocation, spec.SpecPath ?? SpecReader.DefaultFileName);
        }

        BuildFacts facts;
        if (factsDirectory is not null)
        {
            facts = BuildFacts.Read(factsDirectory);
        }
        else
        {
            var built = await BuildInTemporaryFolder(spec, write, settings, cancellationToken);
            if (built.Facts is null)
            {
                return new RequestResult(null, null, built.Diagnostics, BuildFailed: true);
            }

            facts = built.Facts;
        }

        if (RequestDocument.Mismatch(spec, facts) is { } mismatch)
        {
            throw ModelPackException.ForSetting(SettingNames.Facts, DiagnosticCatalog.FactsMismatch, mismatch);
        }

        var request = RequestDocument.Create(spec, facts);
        if (request.HasErrors)
        {
            return new RequestResult(null, facts, request.Diagnostics, BuildFailed: false);
        }

        try
        {
            StagedOutput.WriteFile(outputPath, stream => stream.Write(request.Json));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, outputPath, e.Message);
        }

        return new RequestResult(Path.GetFullPath(outputPath), facts, request.Diagnostics, BuildFailed: false);
    }

    private static async Task<BuildResult> BuildInTemporaryFolder(ModelPackSpec spec, WriteSettings write, CheckSettings? settings, CancellationToken cancellationToken)
    {
        var temporary = Directory.CreateTempSubdirectory("modelpack-request-");
        try
        {
            return await BuildPipeline.RunAsync(spec, Path.Combine(temporary.FullName, "out"), write, settings, cancellationToken);
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }
}
