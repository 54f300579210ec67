using System.CommandLine;
using ModelPackTools.Engine;
using ModelPackTools.Options;
using ModelPackTools.Reporting;
using ModelPackTools.S3;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack check`: read any supported input into a model tree, simulate SageMaker, report.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("input")
        {
            Description = "A model folder, a .tar/.tar.gz/.tgz archive, a list-objects-v2 JSON, an S3 Inventory CSV, a text file of keys, " +
                          "or an s3://bucket/prefix/ to list live.",
        };
        var s3Uri = new Option<string?>("--s3-uri")
        {
            Description = "The s3://bucket/prefix/ the model is (or will be) stored at: stripped from listed keys, counted in key lengths.",
        };
        var mode = new Option<string?>("--mode")
        {
            Description = "How SageMaker reads the model: s3object-gzip (model.tar.gz), s3object-none (one file) or s3prefix-none " +
                          "(uncompressed prefix). Default: s3prefix-none for listings, s3object-gzip otherwise.",
        };
        var format = new Option<string?>("--format") { Description = "Report format: text (one line per problem), json (documented in the README) or sarif (2.1.0, for code scanning)." };
        var maxRatio = new Option<string?>("--max-ratio")
        {
            Description = "Stop and report a compression bomb when an archive expands past this many times its compressed size (default 200).",
        };
        var rules = new ProfileArguments();
        var content = new ContentArguments();
        var s3 = new S3Arguments();
        var report = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };

        var command = new Command("check", "Simulate how SageMaker materialises the model under /opt/ml/model and report every problem. " +
                                           "Exit code 0: deployable (warnings allowed); 1: errors found; 2: the input could not be read.")
        {
            input, s3Uri, mode, format, maxRatio, report,
        };
        command.AddOptions(rules.All);
        command.AddOptions([content.AllowImport, content.NoContentScan]);
        command.AddOptions(s3.All);

        command.SetAction(parse =>
        {
            var settings = SettingsParser.Parse(content.Apply(parse, rules.Text(parse)) with { Mode = parse.GetValue(mode), S3Uri = parse.GetValue(s3Uri), MaxRatio = parse.GetValue(maxRatio) });
            var reportFormat = ReportOutput.ParseFormat(parse.GetValue(format), ReportFormat.Text, ReportFormat.Json, ReportFormat.Sarif);
            var path = parse.GetValue(input)!;
            var live = ModelSourceReader.IsS3Uri(path) ? new S3LiveListing(s3.Parse(parse)) : null;
            var check = ModelChecker.Check(path, settings, live);
            ReportOutput.Write(check.Report, reportFormat, parse.GetValue(report), output);
            return check.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Clean;
        });
        return command;
    }
}
