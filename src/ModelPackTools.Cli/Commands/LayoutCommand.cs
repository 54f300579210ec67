using System.CommandLine;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Layout;
using ModelPackTools.Options;
using ModelPackTools.Reporting;
using ModelPackTools.Trees;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack layout`: write the uncompressed S3Prefix tree of a model folder (hard links, or copies).</summary>
internal static class LayoutCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("folder") { Description = "The model folder." };
        var target = new Option<string>("--output", "-o") { Description = "The layout folder to write; replaced whole if it exists.", Required = true };
        var link = new Option<bool>("--link") { Description = "Hard links only: fail where the file system cannot link (default: link, else copy)." };
        var copy = new Option<bool>("--copy") { Description = "Always copy, so later edits to the model folder cannot change the layout." };
        var format = new Option<string?>("--format") { Description = "text or json." };
        var rules = new ProfileArguments();
        var content = new ContentArguments();
        var command = new Command(
            "layout",
            "Check a model folder with the S3Prefix rules, then write it exactly as its objects will be keyed under the " +
            "prefix (ModelDataSource S3DataType=S3Prefix, CompressionType=None): links dereferenced, empty folders " +
            "dropped. The layout appears under its name only when complete. A folder with errors is refused (exit 1).")
        {
            source, target, link, copy, format,
        };
        command.AddOptions(rules.All);
        command.AddOptions([content.AllowImport]);
        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(parse, cancellationToken), CancellationToken.None));
        return command;

        int Run(ParseResult parse, CancellationToken cancellationToken)
        {
            if (parse.GetValue(link) && parse.GetValue(copy))
            {
                throw ModelPackException.ForSetting(SettingNames.LayoutMode, DiagnosticCatalog.InvalidOption, "give one layout mode, not both");
            }

            var json = ReportOutput.ParseFormat(parse.GetValue(format), ReportFormat.Text, ReportFormat.Json) == ReportFormat.Json;
            var modeText = parse.GetValue(link) ? "link" : parse.GetValue(copy) ? "copy" : null;
            var mode = OptionValues.Require(OptionValues.TryParseLayoutMode(modeText, out var parsed, out var problem), parsed, problem);

            // Linking reads nothing, so the check itself is the read the content inspectors get.
            var check = ModelChecker.Check(parse.GetValue(source)!, SettingsParser.Parse(content.Apply(parse, rules.Text(parse))) with { Mode = ExtractionMode.S3PrefixNone }, cancellationToken: cancellationToken);
            var result = PrefixLayoutWriter.Write(check, parse.GetValue(target)!, mode, cancellationToken);
            if (json)
            {
                WriteJson(result, output);
                return result.Written ? ExitCodes.Clean : ExitCodes.ErrorsFound;
            }

            if (!result.Written)
            {
                return CheckOutcome.Refused(result.Check, output, "no layout written");
            }

            CheckOutcome.WriteWarnings(result.Check, output);
            output.WriteLine($"laid out {TextReportWriter.Plural(result.Linked + result.Copied, "file")} ({TextReportWriter.FormatBytes(result.Bytes)}) in {result.OutputPath}: {result.Linked} hard-linked, {result.Copied} copied");
            return ExitCodes.Clean;
        }
    }

    // As pack's JSON: what was written, the content coverage and the findings under check's names.
    private static void WriteJson(LayoutResult result, TextWriter output)
    {
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("laidOut", result.Written);
            json.WriteString("input", result.Check.Input);
            if (result.Written)
            {
                json.WriteString("output", result.OutputPath);
                json.WriteNumber("linked", result.Linked);
                json.WriteNumber("copied", result.Copied);
                json.WriteNumber("bytes", result.Bytes);
            }

            JsonReportWriter.WriteContent(json, result.Check.Content);
            JsonReportWriter.WriteDiagnostics(json, result.Check.Diagnostics);
            json.WriteEndObject();
        });
    }
}
