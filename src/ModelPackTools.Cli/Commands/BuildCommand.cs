using System.CommandLine;
using ModelPackTools.Build;
using ModelPackTools.Hashing;
using ModelPackTools.Reporting;
using ModelPackTools.Sources;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack build`: check → pack or layout → manifest → request, into one staged out/ folder with report.json.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var spec = new Option<string?>("--spec") { Description = "The spec (default: ./modelpack.json if present, else defaults: the current folder packed as tar.gz, no request)." };
        var target = new Option<string>("--output", "-o") { Description = "The output folder; replaced whole when the build completes.", DefaultValueFactory = _ => "out" };
        var arguments = new BuildArguments();
        var command = new Command(
            "build",
            "Check the model, then write model.tar.gz (format tar.gz) or the S3Prefix layout and manifest.csv (format prefix), " +
            "facts.json with the ETags, create-model-package.json (validated against the API's constraints) and report.json " +
            "into the output folder. Exit codes as `check`: 0 clean, 1 errors (out/ then holds only report.json), 2 usage or I/O.")
        {
            spec, target,
        };
        command.AddOptions(arguments.All);

        command.SetAction((parse, cancellationToken) => Task.Run(() => RunAsync(parse, cancellationToken), CancellationToken.None));
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
        {
            var options = arguments.TryParse(parse, out var problem);
            if (options is null)
            {
                return CommandFailure.Report(error, problem!);
            }

            var specPath = parse.GetValue(spec) ?? (File.Exists(SpecFile.DefaultName) ? SpecFile.DefaultName : null);
            var exitCode = ExitCodes.Clean;
            var model = specPath is null ? new ModelPackSpec { BaseDirectory = Directory.GetCurrentDirectory() } : SpecFile.Read(specPath, output, error, out exitCode);
            if (model is null)
            {
                return exitCode;
            }

            var outDirectory = parse.GetValue(target)!;
            BuildResult result;
            try
            {
                result = await BuildPipeline.RunAsync(model, outDirectory, options, cancellationToken);
            }
            catch (Exception e) when (e is ModelInputException or S3LimitException)
            {
                return CommandFailure.Report(error, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandFailure.Report(error, $"cannot write '{outDirectory}': {e.Message}");
            }
            catch (OperationCanceledException)
            {
                return CommandFailure.Report(error, $"cancelled; '{outDirectory}' was not written");
            }

            Write(result, outDirectory, output);
            return result.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Clean;
        }
    }

    private static void Write(BuildResult result, string outDirectory, TextWriter output)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        var report = Path.Combine(outDirectory, BuildPipeline.ReportFileName);
        if (result.HasErrors)
        {
            output.WriteLine($"{outDirectory}: NOT deployable; {TextReportWriter.Plural(result.Diagnostics.Count(d => d.IsError), "error")}; nothing written but {report}");
            return;
        }

        var facts = result.Facts!;
        output.WriteLine($"{Path.Combine(outDirectory, facts.Artifact)}: {facts.Files} files, {TextReportWriter.FormatBytes(facts.Bytes)}");
        if (facts.ModelDataETag is not null)
        {
            output.WriteLine($"ModelDataUrl: {facts.ModelDataUrl ?? "(no s3Uri)"}  ModelDataETag: {facts.ModelDataETag}");
        }

        if (facts.ManifestEtag is not null)
        {
            output.WriteLine($"S3Uri: {facts.S3Prefix}  ManifestS3Uri: {facts.ManifestS3Uri}  ManifestEtag: {facts.ManifestEtag}");
        }

        output.WriteLine(result.RequestPath is null ? result.Note ?? "no request written" : $"request: {Path.Combine(outDirectory, Path.GetFileName(result.RequestPath))}");
        output.WriteLine($"report: {report} ({string.Join(", ", result.Stages.Select(s => $"{s.Name} {s.Elapsed.TotalSeconds:0.00}s"))})");
    }
}
