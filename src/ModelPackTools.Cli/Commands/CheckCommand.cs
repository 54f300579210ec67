using System.CommandLine;
using System.Globalization;
using ModelPackTools.Archives;
using ModelPackTools.Extraction;
using ModelPackTools.Reporting;
using ModelPackTools.S3;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

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
        mode.AcceptOnlyFromAmong("s3object-gzip", "s3object-none", "s3prefix-none");
        var format = new Option<string>("--format")
        {
            Description = "Report format: text (one line per problem), json (documented in the README) or sarif (2.1.0, for code scanning).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var maxRatio = new Option<double>("--max-ratio")
        {
            Description = "Stop and report a compression bomb when an archive expands past this many times its compressed size.",
            DefaultValueFactory = _ => new ArchiveReadOptions().MaxCompressionRatio,
        };
        var s3 = new S3Arguments();
        var report = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
        };

        var command = new Command("check", "Simulate how SageMaker materialises the model under /opt/ml/model and report every problem. " +
                                           "Exit code 0: deployable (warnings allowed); 1: errors found; 2: the input could not be read.")
        {
            input, s3Uri, mode, format, maxRatio, report,
        };
        command.AddOptions(s3.All);

        command.SetAction(parse =>
        {
            var client = s3.TryParse(parse, UploadChecksum.None, out var problem);
            if (client is null)
            {
                return CommandFailure.Report(error, problem!);
            }

            var options = new CheckOptions(
                parse.GetValue(input)!,
                parse.GetValue(s3Uri),
                parse.GetValue(mode),
                Enum.Parse<ReportFormat>(parse.GetValue(format)!, ignoreCase: true),
                parse.GetValue(maxRatio),
                parse.GetValue(report))
            {
                S3 = client,
            };
            return Run(options, output, error);
        });
        return command;
    }

    internal static int Run(CheckOptions options, TextWriter output, TextWriter error)
    {
        if (options.MaxRatio is < 1 or double.NaN)
        {
            return CommandFailure.Report(error, $"--max-ratio must be at least 1 (got {options.MaxRatio.ToString(CultureInfo.InvariantCulture)})");
        }

        ModelTree tree;
        try
        {
            tree = LiveListing.Applies(options.Input)
                ? LiveListing.Read(options.Input, options.S3)
                : ModelSourceReader.Read(options.Input, new ModelSourceOptions
                {
                    S3Uri = options.S3Uri,
                    Archive = new ArchiveReadOptions { MaxCompressionRatio = options.MaxRatio },
                });
        }
        catch (ModelInputException e)
        {
            return CommandFailure.Report(error, e.Message);
        }

        var extractionMode = SimulationOptions.DefaultModeFor(tree.SourceKind);
        if (options.Mode is not null && !ModeNames.TryParse(options.Mode, out extractionMode))
        {
            return CommandFailure.Report(error, $"unknown --mode '{options.Mode}'");
        }

        if (tree.SourceKind == SourceKind.Listing && extractionMode == ExtractionMode.S3ObjectGzip)
        {
            return CommandFailure.Report(error, $"'{options.Input}' is a listing of S3 objects; check the model.tar.gz itself for --mode s3object-gzip");
        }

        // A live listing is stored at the URI it was listed from, unless --s3-uri says where it will be.
        var s3UriForRules = options.S3Uri ?? (LiveListing.Applies(options.Input) ? options.Input : null);
        var result = ExtractionSimulator.Simulate(tree, new SimulationOptions { Mode = extractionMode, S3Uri = s3UriForRules });
        try
        {
            ReportOutput.Write(result, options.Format, options.ReportPath, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandFailure.Report(error, $"cannot write '{options.ReportPath}': {e.Message}");
        }

        return result.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Clean;
    }
}

internal sealed record CheckOptions(string Input, string? S3Uri, string? Mode, ReportFormat Format, double MaxRatio, string? ReportPath)
{
    // Used only for an s3:// input.
    public S3ClientOptions S3 { get; init; } = new();
}
