using System.CommandLine;
using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;
using ModelPackTools.Options;
using ModelPackTools.Reporting;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack etag`: the ETag and checksums S3 will report for files, hashed in parallel.</summary>
internal static class EtagCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "Files to fingerprint.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "text or json." };
        var write = new WriteArguments("Cores to hash on.");
        var command = new Command("etag", "Predict the ETag and checksums S3 will report for files uploaded with a given part size.") { files, format, write.Threads };
        command.AddOptions(write.Fingerprint);

        command.SetAction((parse, cancellationToken) =>
        {
            var settings = write.Parse(parse);
            var json = ReportOutput.ParseFormat(parse.GetValue(format), ReportFormat.Text, ReportFormat.Json) == ReportFormat.Json;
            return RunAsync(parse.GetValue(files)!, settings, json, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] files, WriteSettings settings, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new ModelPackException(DiagnosticCatalog.InputNotFound, file, Directory.Exists(file) ? "a directory; give files" : "no such file");
            }
        }

        var options = settings.Fingerprint(settings.Checksums);
        IReadOnlyList<Fingerprint> results;
        using (var progress = ConsoleProgress.For(error, "hashed"))
        {
            progress?.Start(files.Sum(f => new FileInfo(f).Length));
            results = await Fingerprinter.ComputeManyAsync(files, options with { Progress = progress }, cancellationToken);
        }

        if (!json)
        {
            for (var i = 0; i < files.Length; i++)
            {
                FingerprintText.Write(output, files[i], results[i], options.PartSizes);
            }

            return ExitCodes.Clean;
        }

        JsonOutput.Write(output, writer =>
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
        });
        return ExitCodes.Clean;
    }
}
