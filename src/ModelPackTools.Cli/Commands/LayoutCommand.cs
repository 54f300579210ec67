using System.CommandLine;
using ModelPackTools.Layout;
using ModelPackTools.Reporting;
using ModelPackTools.Sources;

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
        var command = new Command(
            "layout",
            "Check a model folder with the S3Prefix rules, then write it exactly as its objects will be keyed under the " +
            "prefix (ModelDataSource S3DataType=S3Prefix, CompressionType=None): links dereferenced, empty folders " +
            "dropped. The layout appears under its name only when complete. A folder with errors is refused (exit 1).")
        {
            source, target, link, copy,
        };
        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(parse, cancellationToken), CancellationToken.None));
        return command;

        int Run(ParseResult parse, CancellationToken cancellationToken)
        {
            if (parse.GetValue(link) && parse.GetValue(copy))
            {
                return CommandFailure.Report(error, "give --link or --copy, not both");
            }

            var mode = parse.GetValue(link) ? LayoutMode.Link : parse.GetValue(copy) ? LayoutMode.Copy : LayoutMode.Auto;
            LayoutResult result;
            try
            {
                result = PrefixLayoutWriter.Write(parse.GetValue(source)!, parse.GetValue(target)!, mode, cancellationToken);
            }
            catch (ModelInputException e)
            {
                return CommandFailure.Report(error, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandFailure.Report(error, $"cannot write '{parse.GetValue(target)}': {e.Message}");
            }
            catch (OperationCanceledException)
            {
                return CommandFailure.Report(error, $"cancelled; '{parse.GetValue(target)}' was not written");
            }

            if (!result.Written)
            {
                return CheckOutcome.Refused(result.Check, output, "no layout written");
            }

            CheckOutcome.WriteWarnings(result.Check, output);

            output.WriteLine($"laid out {result.Linked + result.Copied} files ({TextReportWriter.FormatBytes(result.Bytes)}) in {result.OutputPath}: {result.Linked} hard-linked, {result.Copied} copied");
            return ExitCodes.Clean;
        }
    }
}
