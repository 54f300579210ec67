using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelPackTools.Hashing;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack etag`: the ETag and checksums S3 will report for files, hashed in parallel.</summary>
internal static class EtagCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "Files to fingerprint.", Arity = ArgumentArity.OneOrMore };
        var fingerprint = new FingerprintArguments();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var threads = new Option<int>("--threads") { Description = "Cores to hash on (default: all).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("etag", "Predict the ETag and checksums S3 will report for files uploaded with a given part size.") { files, format, threads };
        command.AddOptions(fingerprint.All);

        command.SetAction((parse, cancellationToken) =>
        {
            var options = fingerprint.TryParse(parse, out var problem);
            if (options is null)
            {
                return Task.FromResult(CommandFailure.Report(error, problem!));
            }

            if (parse.GetValue(threads) < 1)
            {
                return Task.FromResult(CommandFailure.Report(error, "--threads must be at least 1"));
            }

            return RunAsync(parse.GetValue(files)!, options with { MaxDegreeOfParallelism = parse.GetValue(threads) }, parse.GetValue(format) == "json", output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] files, FingerprintOptions options, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                return CommandFailure.Report(error, Directory.Exists(file) ? $"'{file}' is a directory; give files" : $"'{file}': no such file");
            }
        }

        IReadOnlyList<Fingerprint> results;
        try
        {
            using var progress = ConsoleProgress.For(error, "hashed");
            progress?.Start(files.Sum(f => new FileInfo(f).Length));
            results = await Fingerprinter.ComputeManyAsync(files, options with { Progress = progress }, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or S3LimitException)
        {
            return CommandFailure.Report(error, e.Message);
        }

        if (!json)
        {
            for (var i = 0; i < files.Length; i++)
            {
                FingerprintText.Write(output, files[i], results[i], options.PartSizes);
            }

            return ExitCodes.Clean;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            for (var i = 0; i < files.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("file", files[i]);
                FingerprintJson.Write(writer, results[i], options.PartSizes);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return ExitCodes.Clean;
    }
}
