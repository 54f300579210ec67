using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelPackTools.Hashing;
using ModelPackTools.Packing;
using ModelPackTools.Reporting;
using ModelPackTools.Sources;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack pack`: check a folder, then write a deterministic model.tar.gz and print its ETag.</summary>
internal static class PackCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("folder") { Description = "The model folder; its contents become the root of /opt/ml/model." };
        var archive = new Option<string>("--output", "-o") { Description = "The archive to write, e.g. out/model.tar.gz.", Required = true };
        var level = new Option<int>("--level") { Description = "gzip level 0-9 (0 stores, 6 is gzip's default).", DefaultValueFactory = _ => 6 };
        var threads = new Option<int>("--threads") { Description = "Compression threads (default: all cores). The output bytes do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var fingerprint = new FingerprintArguments();
        var command = new Command(
            "pack",
            "Check a model folder with the same rules as `check`, then write a byte-for-byte reproducible model.tar.gz " +
            "(sorted entries, fixed mtime from SOURCE_DATE_EPOCH or 2000-01-01, uid/gid 0, modes 0644/0755) and print " +
            "the ETag S3 will report. Links inside the folder are stored as the files they point to. A folder with errors " +
            "is not packed (exit 1).")
        {
            source, archive, level, threads, format,
        };
        command.AddOptions(fingerprint.All);

        // Asynchronous so that Ctrl+C cancels the token: the packer then deletes its staging file before exiting.
        command.SetAction((parse, cancellationToken) => Task.Run(() => Start(parse, cancellationToken), CancellationToken.None));
        return command;

        int Start(ParseResult parse, CancellationToken cancellationToken)
        {
            var fingerprintOptions = fingerprint.TryParse(parse, out var problem);
            if (fingerprintOptions is null)
            {
                return CommandFailure.Report(error, problem!);
            }

            if (parse.GetValue(level) is < 0 or > 9)
            {
                return CommandFailure.Report(error, "--level must be 0 to 9");
            }

            if (parse.GetValue(threads) < 1)
            {
                return CommandFailure.Report(error, "--threads must be at least 1");
            }

            if (!TryReadSourceDateEpoch(out var mtime, out problem))
            {
                return CommandFailure.Report(error, problem!);
            }

            var options = new PackOptions
            {
                Level = parse.GetValue(level),
                Threads = parse.GetValue(threads),
                ModificationTime = mtime,
                Fingerprint = fingerprintOptions with { MaxDegreeOfParallelism = parse.GetValue(threads) },
            };
            return Run(parse.GetValue(source)!, parse.GetValue(archive)!, options, parse.GetValue(format) == "json", output, error, cancellationToken);
        }
    }

    private static int Run(string source, string archive, PackOptions options, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        PackResult result;
        try
        {
            using var progress = ConsoleProgress.For(error, "packed");
            result = ModelPacker.Pack(source, archive, options with { Progress = progress }, cancellationToken);
        }
        catch (Exception e) when (e is ModelInputException or S3LimitException)
        {
            return CommandFailure.Report(error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandFailure.Report(error, $"cannot write '{archive}': {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return CommandFailure.Report(error, $"cancelled; '{archive}' was not written");
        }

        if (json)
        {
            WriteJson(result, options, output);
        }
        else
        {
            WriteText(result, options, output);
        }

        return result.Written ? ExitCodes.Clean : ExitCodes.ErrorsFound;
    }

    private static void WriteText(PackResult result, PackOptions options, TextWriter output)
    {
        if (!result.Written)
        {
            CheckOutcome.Refused(result.Check, output, "not packed");
            return;
        }

        CheckOutcome.WriteWarnings(result.Check, output);

        var ratio = result.TarLength == 0 ? 0 : 100.0 * result.OutputLength / result.TarLength;
        output.WriteLine($"packed {result.MemberCount} members: tar {ByteSize.Format(result.TarLength)} -> {ByteSize.Format(result.OutputLength)} ({ratio:0.0}%)");
        FingerprintText.Write(output, result.OutputPath!, result.Fingerprint!, options.Fingerprint!.PartSizes);
    }

    private static void WriteJson(PackResult result, PackOptions options, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("packed", result.Written);
            json.WriteString("input", result.Check.Input);
            if (result.Written)
            {
                json.WriteString("output", result.OutputPath);
                json.WriteNumber("members", result.MemberCount);
                json.WriteNumber("tarSize", result.TarLength);
                json.WriteNumber("modificationTime", options.ModificationTime);
                FingerprintJson.Write(json, result.Fingerprint!, options.Fingerprint!.PartSizes);
            }

            JsonReportWriter.WriteDiagnostics(json, result.Check.Diagnostics);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The reproducible-builds convention: SOURCE_DATE_EPOCH, when set, is the mtime of every member.</summary>
    private static bool TryReadSourceDateEpoch(out long mtime, out string? problem)
    {
        problem = null;
        mtime = PackOptions.DefaultModificationTime;
        var value = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out mtime) && mtime <= 0x1FFFFFFFF)
        {
            return true;
        }

        problem = $"SOURCE_DATE_EPOCH='{value}' is not a number of seconds since 1970 that tar can store";
        return false;
    }
}
