using ModelPackTools.Cli;

namespace ModelPackTools.S3.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = ModelPackCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
