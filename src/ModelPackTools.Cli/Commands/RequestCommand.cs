using System.CommandLine;
using ModelPackTools.Build;
using ModelPackTools.Hashing;
using ModelPackTools.Requests;
using ModelPackTools.Sources;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack request`: the CreateModelPackage body for a spec, from a build's facts or from a fresh build.</summary>
internal static class RequestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var spec = new Option<string>("--spec") { Description = "The spec.", DefaultValueFactory = _ => SpecFile.DefaultName };
        var facts = new Option<string?>("--facts") { Description = "A `build` output folder whose facts.json gives the ETags (default: build into a temporary folder to compute them)." };
        var target = new Option<string>("--output", "-o") { Description = "The request to write, e.g. create-model-package.json.", Required = true };
        var arguments = new BuildArguments();
        var command = new Command(
            "request",
            "Write the body of CreateModelPackage for `aws sagemaker create-model-package --cli-input-json file://...`: " +
            "ModelDataUrl and ModelDataETag (format tar.gz) or ModelDataSource with ManifestS3Uri and ManifestEtag (format " +
            "prefix). The request is checked against the API's constraints first; with errors nothing is written (exit 1).")
        {
            spec, facts, target,
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

            var specPath = parse.GetValue(spec)!;
            var model = SpecFile.Read(specPath, output, error, out var exitCode);
            if (model is null)
            {
                return exitCode;
            }

            if (Destinations.ModelData(model) is null)
            {
                return CommandFailure.Report(error, $"'{specPath}' gives no s3Uri: a request needs the S3 location of the model data");
            }

            BuildFacts computed;
            var factsDirectory = parse.GetValue(facts);
            try
            {
                if (factsDirectory is not null)
                {
                    computed = BuildFacts.Read(factsDirectory);
                }
                else
                {
                    var built = await BuildInTemporaryFolder(model, options, output, cancellationToken);
                    if (built is null)
                    {
                        return ExitCodes.ErrorsFound;
                    }

                    computed = built;
                }
            }
            catch (Exception e) when (e is ModelInputException or S3LimitException or InvalidDataException)
            {
                return CommandFailure.Report(error, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandFailure.Report(error, $"cannot read the facts: {e.Message}");
            }

            if (RequestDocument.Mismatch(model, computed) is { } mismatch)
            {
                return CommandFailure.Report(error, $"{mismatch}; run `modelpack build` again");
            }

            var request = RequestDocument.Create(model, computed);
            foreach (var diagnostic in request.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            var path = parse.GetValue(target)!;
            if (request.HasErrors)
            {
                output.WriteLine($"{path}: not written: the request breaks {request.Diagnostics.Count(d => d.IsError)} API constraints");
                return ExitCodes.ErrorsFound;
            }

            try
            {
                WriteStaged(path, request.Json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandFailure.Report(error, $"cannot write '{path}': {e.Message}");
            }

            output.WriteLine($"{path}: CreateModelPackage request ({computed.Format}), valid");
            return ExitCodes.Clean;
        }
    }

    /// <summary>Without --facts the ETags come from building into a temporary folder: the artifacts are deterministic, so they match what `build` writes.</summary>
    private static async Task<BuildFacts?> BuildInTemporaryFolder(Spec.ModelPackSpec model, BuildOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var temporary = Directory.CreateTempSubdirectory("modelpack-request-");
        try
        {
            var result = await BuildPipeline.RunAsync(model, Path.Combine(temporary.FullName, "out"), options, cancellationToken);
            if (result.Facts is null)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    output.WriteLine(diagnostic.ToString());
                }

                output.WriteLine("no request written: fix the errors above");
                return null;
            }

            return result.Facts;
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    private static void WriteStaged(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var staging = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.partial");
        File.WriteAllBytes(staging, bytes);
        File.Move(staging, full, overwrite: true);
    }
}
