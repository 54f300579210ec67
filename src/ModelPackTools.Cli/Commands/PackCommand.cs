using System.CommandLine;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Options;
using ModelPackTools.Packing;
using ModelPackTools.Reporting;
using ModelPackTools.Trees;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack pack`: check a folder, then write a deterministic model.tar.gz and print its ETag.</summary>
internal static class PackCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("folder") { Description = "The model folder; its contents become the root of /opt/ml/model." };
        var archive = new Option<string>("--output", "-o") { Description = "The archive to write, e.g. out/model.tar.gz.", Required = true };
        var format = new Option<string?>("--format") { Description = "text or json." };
        var write = new WriteArguments("Compression threads; the output bytes do not depend on it.");
        var rules = new ProfileArguments();
        var content = new ContentArguments();
        var command = new Command(
            "pack",
            "Check a model folder with the same rules as `check`, then write a byte-for-byte reproducible model.tar.gz " +
            "(sorted entries, fixed mtime from SOURCE_DATE_EPOCH or 2000-01-01, uid/gid 0, modes 0644/0755) and print " +
            "the ETag S3 will report. Links inside the folder are stored as the files they point to. A folder with errors " +
            "is not packed (exit 1).")
        {
            source, archive, write.Level, write.Threads, format,
        };
        command.AddOptions(rules.All);
        command.AddOptions([content.AllowImport]);
        command.AddOptions(write.Fingerprint);

        // Asynchronous so that Ctrl+C cancels the token: the packer then deletes its staging file before exiting.
        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(parse, cancellationToken), CancellationToken.None));
        return command;

        int Run(ParseResult parse, CancellationToken cancellationToken)
        {
            var settings = write.Parse(parse);
            var json = ReportOutput.ParseFormat(parse.GetValue(format), ReportFormat.Text, ReportFormat.Json) == ReportFormat.Json;
            var check = ModelChecker.CheckFolder(parse.GetValue(source)!, SettingsParser.Parse(content.Apply(parse, rules.Text(parse))) with { Mode = ExtractionMode.S3ObjectGzip });
            PackResult result;
            using (var progress = ConsoleProgress.For(error, "packed"))
            {
                result = ModelPacker.Pack(check, parse.GetValue(archive)!, settings.Pack(settings.Checksums) with { Progress = progress }, cancellationToken);
            }

            if (json)
            {
                WriteJson(result, settings, output);
            }
            else
            {
                WriteText(result, settings, output);
            }

            return result.Written ? ExitCodes.Clean : ExitCodes.ErrorsFound;
        }
    }

    private static void WriteText(PackResult result, WriteSettings settings, TextWriter output)
    {
        if (!result.Written)
        {
            CheckOutcome.Refused(result.Check, output, "not packed");
            return;
        }

        CheckOutcome.WriteWarnings(result.Check, output);

        var ratio = result.TarLength == 0 ? 0 : 100.0 * result.OutputLength / result.TarLength;
        output.WriteLine($"packed {TextReportWriter.Plural(result.MemberCount, "member")}: tar {ByteSize.Format(result.TarLength)} -> {ByteSize.Format(result.OutputLength)} ({ratio:0.0}%)");
        FingerprintText.Write(output, result.OutputPath!, result.Fingerprint!, settings.PartSizes);
    }

    private static void WriteJson(PackResult result, WriteSettings settings, TextWriter output)
    {
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("packed", result.Written);
            json.WriteString("input", result.Check.Input);
            if (result.Written)
            {
                json.WriteString("output", result.OutputPath);
                json.WriteNumber("members", result.MemberCount);
                json.WriteNumber("tarSize", result.TarLength);
                json.WriteNumber("modificationTime", settings.ModificationTime);
                FingerprintJson.Write(json, result.Fingerprint!, settings.PartSizes);
            }

            JsonReportWriter.WriteContent(json, result.Check.Content);
            JsonReportWriter.WriteDiagnostics(json, result.Check.Diagnostics);
            json.WriteEndObject();
        });
    }
}
