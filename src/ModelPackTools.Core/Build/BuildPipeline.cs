using System.Diagnostics;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Layout;
using ModelPackTools.Manifests;
using ModelPackTools.Packing;
using ModelPackTools.Requests;
using ModelPackTools.Selection;
using ModelPackTools.Sources;
using ModelPackTools.Spec;

namespace ModelPackTools.Build;

/// <summary>
/// check → pack (tar.gz) or layout → manifest (prefix) → request, into one staged out/ folder. Each input byte is read
/// once: `pack` checks the folder, then hashes the archive on its way to disk; `layout` links files without reading
/// them and `manifest` hashes each file once. out/ appears (or is replaced) only when complete; with errors it holds
/// report.json alone, so no artifact is ever left that does not match the model.
/// </summary>
public static class BuildPipeline
{
    public const string ReportFileName = "report.json";
    public const string LayoutFolderName = "model";
    public const string ManifestFileName = "manifest.csv";

    private const FingerprintKinds ArchiveKinds = FingerprintKinds.ETag | FingerprintKinds.Sha256 | FingerprintKinds.Crc64Nvme;

    public static async Task<BuildResult> RunAsync(ModelPackSpec spec, string outputDirectory, BuildOptions options, CancellationToken cancellationToken = default)
    {
        var source = spec.SourcePath;
        var output = Path.GetFullPath(outputDirectory);
        if (!Directory.Exists(source))
        {
            throw new ModelInputException($"the model folder '{source}' does not exist");
        }

        if (StagedOutput.IsInside(source, output))
        {
            throw new ModelInputException($"the model folder '{source}' is inside the output folder '{outputDirectory}'");
        }

        var staging = StagedOutput.StagingPathFor(output);
        var selection = new PathSelection(spec.Include, spec.Exclude, OutputFoldersInside(source, output, staging));
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            var stages = new List<BuildStage>();
            var diagnostics = new DiagnosticBag();
            var (check, facts) = spec.Format == ArtifactFormat.TarGz
                ? Pack(spec, source, staging, selection, options, stages, cancellationToken)
                : await LayOut(spec, source, staging, selection, options, stages, diagnostics, cancellationToken);
            diagnostics.AddRange(check.Diagnostics);

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
                Check = check,
                Diagnostics = diagnostics.Items,
                Facts = diagnostics.HasErrors ? null : facts,
                RequestPath = requestPath,
                Note = note,
                Stages = stages,
            };
            File.WriteAllBytes(Path.Combine(staging, ReportFileName), BuildReportWriter.Write(spec, result));
            StagedOutput.CommitDirectory(staging, output);
            return result;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    private static (ExtractionReport Check, BuildFacts? Facts) Pack(
        ModelPackSpec spec, string source, string staging, PathSelection selection, BuildOptions options, List<BuildStage> stages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = ModelPacker.Pack(source, Path.Combine(staging, Destinations.ArchiveName), new PackOptions
        {
            Level = options.Level,
            Threads = options.Threads,
            ModificationTime = options.ModificationTime,
            Fingerprint = new FingerprintOptions(ArchiveKinds, spec.PartSizes) { MaxDegreeOfParallelism = options.Threads },
            Selection = selection,
        }, cancellationToken);
        stages.Add(new BuildStage("check+pack", clock.Elapsed));
        if (!result.Written)
        {
            return (result.Check, null);
        }

        var fingerprint = result.Fingerprint!;
        return (result.Check, new BuildFacts
        {
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
        ModelPackSpec spec, string source, string staging, PathSelection selection, BuildOptions options, List<BuildStage> stages, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var layoutPath = Path.Combine(staging, LayoutFolderName);
        var layout = PrefixLayoutWriter.Write(source, layoutPath, spec.LayoutProfile, selection, cancellationToken);
        stages.Add(new BuildStage("check+layout", clock.Elapsed));
        if (!layout.Written)
        {
            return (layout.Check, null);
        }

        var prefix = Destinations.ModelData(spec);
        if (prefix is null)
        {
            // Without a destination there are no object URIs to list; the layout alone is still worth having.
            return (layout.Check, new BuildFacts
            {
                Format = "prefix",
                PartSizes = spec.PartSizes.Name,
                Artifact = LayoutFolderName,
                Files = layout.Linked + layout.Copied,
                Bytes = layout.Bytes,
            });
        }

        if (!prefix.EndsWith('/'))
        {
            diagnostics.Add(DiagnosticCatalog.PrefixWithoutSlash, "$.s3Uri", prefix);
            return (layout.Check, null);
        }

        clock.Restart();
        var manifest = await ManifestBuilder.BuildAsync(layoutPath, prefix, Path.Combine(staging, ManifestFileName), new FingerprintOptions(FingerprintKinds.ETag, spec.PartSizes) { MaxDegreeOfParallelism = options.Threads }, cancellationToken);
        stages.Add(new BuildStage("manifest", clock.Elapsed));
        if (!manifest.Written)
        {
            return (manifest.Check, null);
        }

        return (layout.Check, new BuildFacts
        {
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

    /// <summary>out/ (and its staging sibling) inside the model folder are never part of the model.</summary>
    private static List<string> OutputFoldersInside(string source, string output, string staging) =>
        new[] { output, staging, Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Environment.ProcessId}.old") }
            .Where(path => StagedOutput.IsInside(path, source) && path != source)
            .Select(path => Path.GetRelativePath(source, path).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
}
