using System.CommandLine;
using ModelPackTools.Cli.Commands;

namespace ModelPackTools.Cli;

/// <summary>Builds the command tree and maps outcomes to exit codes: 0 clean, 1 errors found, 2 usage or I/O failure.</summary>
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
            InitCommand.Create(output, error),
            RequestCommand.Create(output, error),
            BuildCommand.Create(output, error),
            ExplainCommand.Create(output, error),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"modelpack: error: {parseError.Message}");
            }

            error.WriteLine($"Run 'modelpack {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(1))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
            return ExitCodes.UsageOrIoFailure;
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
            // A bug, not a finding: still one line, never a stack trace (set MODELPACK_TRACE=1 to see it).
            error.WriteLine($"modelpack: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("MODELPACK_TRACE") == "1")
            {
                error.WriteLine(e);
            }

            return ExitCodes.UsageOrIoFailure;
        }
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
