using System.CommandLine;

namespace ModelPackTools.Cli;

/// <summary>Builds the command tree and maps outcomes to exit codes: 0 clean, 1 errors found, 2 usage or I/O failure.</summary>
internal static class ModelPackCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Prove a model artifact deployable to Amazon SageMaker before it is uploaded.");
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
