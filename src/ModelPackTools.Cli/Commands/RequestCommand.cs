using System.CommandLine;
using ModelPackTools.Build;
using ModelPackTools.Reporting;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack request`: the CreateModelPackage body for a spec, from a build's facts or from a fresh build.</summary>
internal static class RequestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var spec = new Option<string>("--spec") { Description = "The spec.", DefaultValueFactory = _ => SpecReader.DefaultFileName };
        var facts = new Option<string?>("--facts") { Description = "A `build` output folder whose facts.json gives the ETags (default: build into a temporary folder to compute them)." };
        var target = new Option<string>("--output", "-o") { Description = "The request to write, e.g. create-model-package.json.", Required = true };
        var write = new WriteArguments("Threads; the output bytes do not depend on it.");
        var command = new Command(
            "request",
            "Write the body of CreateModelPackage for `aws sagemaker create-model-package --cli-input-json file://...`: " +
            "ModelDataUrl and ModelDataETag (format tar.gz) or ModelDataSource with ManifestS3Uri and ManifestEtag (format " +
            "prefix). The request is checked against the API's constraints first; with errors nothing is written (exit 1).")
        {
            spec, facts, target, write.Level, write.Threads,
        };

        command.SetAction((parse, cancellationToken) => Task.Run(() => RunAsync(parse, cancellationToken), CancellationToken.None));
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
        {
            var settings = write.Parse(parse);
            var specPath = parse.GetValue(spec)!;
            var model = SpecOutput.Read(specPath, ReportFormat.Text, output);
            if (model is null)
            {
                return ExitCodes.ErrorsFound;
            }

            var path = parse.GetValue(target)!;
            var result = await RequestPipeline.RunAsync(model, parse.GetValue(facts), path, settings, cancellationToken: cancellationToken);
            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine(TextReportWriter.Line(diagnostic, specPath));
            }

            if (result.BuildFailed)
            {
                output.WriteLine("no request written: fix the errors above");
                return ExitCodes.ErrorsFound;
            }

            if (result.HasErrors)
            {
                output.WriteLine($"{path}: not written: the request breaks {result.Diagnostics.Count(d => d.IsError)} API constraints");
                return ExitCodes.ErrorsFound;
            }

            output.WriteLine($"{path}: CreateModelPackage request ({result.Facts!.Format}), valid");
            return ExitCodes.Clean;
        }
    }
}
