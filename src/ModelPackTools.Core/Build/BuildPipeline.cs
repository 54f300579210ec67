using System.Diagnostics;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Options;
using ModelPackTools.Packing;
using ModelPackTools.Requests;
using ModelPackTools.S3;
using ModelPackTools.Selection;
using ModelPackTools.Spec;
using ModelPackTools.Trees;

namespace ModelPackTools.Build;

/// <summary>
/// check → pack (tar.gz) or layout → manifest (prefix) → request, into one staged out/ folder. The model is walked
/// once and each byte read once: the one check flows into the writer; `pack` hashes the archive on its way to disk,
/// `layout` links files without reading them and `manifest` hashes each file of the same check once. out/ appears (or
/// is replaced) only when complete; with errors it holds report.json alone, so no artifact is left that does not
/// match the model.
/// </summary>
public static class BuildPipeline
{
    public const string ReportFileName = "report.json";
    public const string LayoutFolderName = "model";
    public const string ManifestFileName = "manifest.csv";

    private const FingerprintKinds ArchiveKinds = FingerprintKinds.ETag | FingerprintKinds.Sha256 | FingerprintKinds.Crc64Nvme;

    /// <param name="settings">The check's settings from the front-end (profile, content inspectors); the spec sets the mode, S3 URI and selection.</param>
    public static async Task<BuildResult> RunAsync(ModelPackSpec spec, string outputDirectory, WriteSettings write, CheckSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var source = spec.SourcePath;
        // "out/" and "out" are one folder; the staging folder beside it is derived from the name without the slash.
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        if (!Directory.Exists(source))
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotFound, source, "the model folder does not exist");
        }

        if (StagedOutput.IsInside(source, output))
        {
            throw new ModelPackException(DiagnosticCatalog.OutputOverlapsInput, $"the model folder '{source}' is inside the output folder '{outputDirectory}'");
        }

        var stages = new List<BuildStage>();
        var clock = Stopwatch.StartNew();
        var staging = StagedOutput.StagingPathFor(output);
        var check = ModelChecker.CheckFolder(source, CheckSettingsFor(spec, settings ?? new CheckSettings()), tree => BuildExclusions.For(spec, output, tree, staging));
        stages.Add(new BuildStage("check", clock.Elapsed));
        Directory.CreateDirectory(staging);
        try
        {
            var diagnostics = new DiagnosticBag();
            var (report, facts) = spec.Format == ArtifactFormat.TarGz
                ? Pack(spec, check, staging, write, stages, cancellationToken)
                : await LayOut(spec, check, staging, write, stages, diagnostics, cancellationToken);
            diagnostics.AddRange(report.Diagnostics);

            string? requestPath = null;
            string? note = null;
            if (facts is not null && !diagnostics.HasErrors)
            {
                (requestPath, note) = Request(spec, facts, staging, output, stages, diagnostics);
            }

            if (diagnostics.HasErrors)
            {
                RemoveArtifacts(staging);
            }
            else
            {
                File.WriteAllBytes(Path.Combine(staging, BuildFacts.FileName), BuildFacts.Serialize(facts!));
            }

            var result = new BuildResult
            {
                OutputDirectory = output,
                Check = report,
                Diagnostics = diagnostics.Items,
                Facts = diagnostics.HasErrors ? null : facts,
                RequestPath = requestPath,
                Note = note,
                Stages = stages,
                Excluded = check.Excluded,
            };
            File.WriteAllBytes(Path.Combine(staging, ReportFileName), BuildReportWriter.Write(spec, result));
            StagedOutput.CommitDirectory(staging, output);
            return result;
        }
        catch (ModelPackException e) when (e.Diagnostic.Setting == SettingNames.LayoutMode && spec.Locations.TryGetValue("$.layoutMode", out var at))
        {
            RemoveStaging(staging);
            throw new ModelPackException(e.Diagnostic with { Setting = null, Location = at }, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveStaging(staging);
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, outputDirectory, e.Message);
        }
        catch
        {
            RemoveStaging(staging);
            throw;
        }
    }

    /// <summary>
    /// The check a spec asks for: the mode of its format, its destination (for key lengths), its globs and its
    /// profile (the front-end's, unless auto; else the spec's `profile`; else the one its `image` names; else auto).
    /// </summary>
    public static CheckSettings CheckSettingsFor(ModelPackSpec spec, CheckSettings settings)
    {
        var destination = spec.Format == ArtifactFormat.Prefix && spec.S3Uri is { } uri && S3Location.TryParse(uri, out var location) ? location : null;
        return settings with
        {
            Mode = spec.Format == ArtifactFormat.Prefix ? ExtractionMode.S3PrefixNone : ExtractionMode.S3ObjectGzip,
            S3Uri = destination,
            Selection = new PathSelection(spec.Include, spec.Exclude),
            Environment = spec.Environment,
            ContentInspectors = ContentInspectors.Allowing(settings.ContentInspectors, spec.AllowImports),
            Profile = settings.Profile != FrameworkProfiles.Auto ? settings.Profile
                : (spec.Profile is { } name ? FrameworkProfiles.Find(name) : null) ?? FrameworkProfiles.ForImage(spec.Image) ?? FrameworkProfiles.Auto,
        };
    }

    private static (ExtractionReport Check, BuildFacts? Facts) Pack(
        ModelPackSpec spec, ModelCheck check, string staging, WriteSettings write, List<BuildStage> stages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = ModelPacker.Pack(check, Path.Combine(staging, Destinations.ArchiveName), (write with { PartSizes = spec.PartSizes }).Pack(ArchiveKinds), cancellationToken);
        stages.Add(new BuildStage("pack", clock.Elapsed));
        if (!result.Written)
        {
            return (result.Check, null);
        }

        var fingerprint = result.Fingerprint!;
        return (result.Check, new BuildFacts
        {
            Origin = FactsOrigin.Current,
            Format = "tar.gz",
            PartSizes = spec.PartSizes.Name,
            ModelDataUrl = Destinations.ModelData(spec),
            ModelDataETag = fingerprint.ETag,
            Artifact = Destinations.ArchiveName,
            Files = result.Check.FileCount,
            Bytes = result.OutputLength,
            Sha256 = fingerprint.Sha256,
            Crc64Nvme = fingerprint.Crc64Nvme,
        });
    }

    private static async Task<(ExtractionReport Check, BuildFacts? Facts)> LayOut(
        ModelPackSpec spec, ModelCheck check, string staging, WriteSettings write, List<BuildStage> stages, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var layoutPath = Path.Combine(staging, LayoutFolderName);
        var layout = PrefixLayoutWriter.Write(check, layoutPath, spec.LayoutMode, cancellationToken);
        stages.Add(new BuildStage("layout", clock.Elapsed));
        if (!layout.Written)
        {
            return (layout.Check, null);
        }

        var prefix = Destinations.ModelData(spec);
        if (prefix is null)
        {
            // Without a destination there are no object URIs to list; the layout alone is still worth having.
            return (ModelChecker.InspectPendingContent(check, cancellationToken).Report, new BuildFacts
            {
                Origin = FactsOrigin.Current,
                Format = "prefix",
                PartSizes = spec.PartSizes.Name,
                Artifact = LayoutFolderName,
                Files = layout.Linked + layout.Copied,
                Bytes = layout.Bytes,
            });
        }

        if (!prefix.EndsWith('/'))
        {
            diagnostics.Add(DiagnosticCatalog.PrefixWithoutSlash.Create("$.s3Uri", prefix) with { Location = spec.Locations.GetValueOrDefault("$.s3Uri") });
            return (layout.Check, null);
        }

        // The manifest hashes the files of the same check (the layout holds the same bytes, linked or copied).
        clock.Restart();
        var manifest = await ManifestBuilder.BuildAsync(check, S3Location.Parse(prefix), Path.Combine(staging, ManifestFileName), write.Fingerprint(FingerprintKinds.ETag) with { PartSizes = spec.PartSizes }, cancellationToken);
        stages.Add(new BuildStage("manifest", clock.Elapsed));
        if (!manifest.Written)
        {
            return (manifest.Check, null);
        }

        return (manifest.Check, new BuildFacts
        {
            Origin = FactsOrigin.Current,
            Format = "prefix",
            PartSizes = spec.PartSizes.Name,
            S3Prefix = prefix,
            ManifestS3Uri = Destinations.Manifest(spec),
            ManifestEtag = manifest.ManifestFingerprint!.ETag,
            Artifact = LayoutFolderName,
            Manifest = ManifestFileName,
            Files = manifest.Rows.Count,
            Bytes = manifest.Rows.Sum(r => r.Size),
        });
    }

    private static (string? RequestPath, string? Note) Request(ModelPackSpec spec, BuildFacts facts, string staging, string output, List<BuildStage> stages, DiagnosticBag diagnostics)
    {
        if (RequestDocument.Mismatch(spec, facts) is { } problem)
        {
            return (null, $"no request written: {problem}");
        }

        var clock = Stopwatch.StartNew();
        var request = RequestDocument.Create(spec, facts);
        diagnostics.AddRange(request.Diagnostics);
        stages.Add(new BuildStage("request", clock.Elapsed));
        if (request.HasErrors)
        {
            return (null, null);
        }

        File.WriteAllBytes(Path.Combine(staging, RequestDocument.FileName), request.Json);
        return (Path.Combine(output, RequestDocument.FileName), null);
    }

    private static void RemoveArtifacts(string staging)
    {
        foreach (var entry in new DirectoryInfo(staging).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    // By stored bytes: .NET cannot delete a file whose name is not UTF-8, and no partial output may survive.
    private static void RemoveStaging(string staging) => RawPathFile.DeleteTree(staging);
}
