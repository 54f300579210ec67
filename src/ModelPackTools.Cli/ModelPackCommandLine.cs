using System.CommandLine;
using ModelPackTools.Cli.Commands;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Cli;

/// <summary>
/// Builds the command tree and maps outcomes to exit codes: 0 clean, 1 errors found, 2 usage or I/O failure. The one
/// catch-and-render path for every command: the engine's coded failures become one line each.
/// </summary>
internal static class ModelPackCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Prove a model artifact deployable to Amazon SageMaker before it is uploaded.")
        {
            CheckCommand.Create(output, error),
            PackCommand.Create(output, error),
            EtagCommand.Create(output, error),
            LayoutCommand.Create(output, error),
            ManifestCommand.Create(output, error),
            UploadCommand.Create(output, error),
            VerifyCommand.Create(output, error),
            InitCommand.Create(output),
            RequestCommand.Create(output, error),
            BuildCommand.Create(output, error),
            ExplainCommand.Create(output),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(1));
            var usage = $"{string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))}; run 'modelpack {command} --help' for usage".Replace("  ", " ", StringComparison.Ordinal);
            return FailureOutput.Write(error, DiagnosticCatalog.UsageError.Create(null, usage));
        }

        // After Ctrl+C, `upload` still has to abort its multipart uploads (a few round trips); the default two seconds
        // can cut that short and leave billed parts behind.
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e)
        {
            return FailureOutput.Write(error, e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : e);
        }
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
