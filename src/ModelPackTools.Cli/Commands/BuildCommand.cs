using System.CommandLine;
using ModelPackTools.Build;
using ModelPackTools.Extraction;
using ModelPackTools.Options;
using ModelPackTools.Reporting;
using ModelPackTools.Selection;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack build`: check → pack or layout → manifest → request, into one staged out/ folder with report.json.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var spec = new Option<string?>("--spec") { Description = "The spec (default: ./modelpack.json if present, else defaults: the current folder packed as tar.gz, no request)." };
        var target = new Option<string>("--output", "-o") { Description = "The output folder; replaced whole when the build completes.", DefaultValueFactory = _ => "out" };
        var format = new Option<string?>("--format") { Description = "How findings are printed: text (default), json (report.json's content) or sarif (2.1.0)." };
        var profile = new ProfileArguments().Profile;
        var content = new ContentArguments();
        var write = new WriteArguments("Threads; the output bytes do not depend on it.");
        var command = new Command(
            "build",
            "Check the model, then write model.tar.gz (format tar.gz) or the S3Prefix layout and manifest.csv (format prefix), " +
            "facts.json with the ETags, create-model-package.json (validated against the API's constraints) and report.json " +
            "into the output folder. The spec, its schema, the output folder and any earlier build's output inside the model " +
            "folder are left out of the model. Exit codes as `check`: 0 clean, 1 errors (out/ then holds only report.json), 2 usage or I/O.")
        {
            spec, target, format, profile, content.AllowImport, write.Level, write.Threads,
        };

        command.SetAction((parse, cancellationToken) => Task.Run(() => RunAsync(parse, cancellationToken), CancellationToken.None));
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
        {
            var settings = write.Parse(parse);
            var reportFormat = ReportOutput.ParseFormat(parse.GetValue(format), ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif);
            var specPath = parse.GetValue(spec) ?? (File.Exists(SpecReader.DefaultFileName) ? SpecReader.DefaultFileName : null);
            var model = specPath is null ? new ModelPackSpec { BaseDirectory = Directory.GetCurrentDirectory() } : SpecOutput.Read(specPath, reportFormat, output);
            if (model is null)
            {
                return ExitCodes.ErrorsFound;
            }

            var outDirectory = parse.GetValue(target)!;
            var result = await BuildPipeline.RunAsync(model, outDirectory, settings, SettingsParser.Parse(content.Apply(parse, new SettingsText { Profile = parse.GetValue(profile) })), cancellationToken);
            var report = Path.Combine(outDirectory, BuildPipeline.ReportFileName);
            ReportOutput.Write(specPath ?? model.SourcePath, result.Diagnostics, reportFormat, () => File.ReadAllBytes(report), output, result.Check?.Content);
            if (reportFormat == ReportFormat.Text)
            {
                WriteSummary(result, outDirectory, report, output);
            }

            return result.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Clean;
        }
    }

    private static void WriteSummary(BuildResult result, string outDirectory, string report, TextWriter output)
    {
        if (TextReportWriter.ContentLine(result.Check?.Content) is { } content)
        {
            output.WriteLine(content);
        }

        if (result.HasErrors)
        {
            output.WriteLine($"{outDirectory}{Profile(result)}: NOT deployable; {TextReportWriter.Plural(result.Diagnostics.Count(d => d.IsError), "error")}; nothing written but {report}");
            return;
        }

        var facts = result.Facts!;
        output.WriteLine($"{Path.Combine(outDirectory, facts.Artifact)}{Profile(result)}: {TextReportWriter.Plural(facts.Files, "file")}, {TextReportWriter.FormatBytes(facts.Bytes)}{Excluded(result.Excluded)}");
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

    private static string Profile(BuildResult result) =>
        result.Check is { } check && TextReportWriter.ProfileText(check) is { } text ? $" ({text})" : string.Empty;

    /// <summary>"; 3 paths left out: the spec and its schema (2), an earlier build's output (1)".</summary>
    internal static string Excluded(IReadOnlyList<ExcludedPath> excluded) => excluded.Count == 0
        ? string.Empty
        : $"; {TextReportWriter.Plural(excluded.Count, "path")} left out: " +
          string.Join(", ", excluded.GroupBy(e => e.Reason).Select(g => $"{g.Key} ({g.Count()})"));
}
