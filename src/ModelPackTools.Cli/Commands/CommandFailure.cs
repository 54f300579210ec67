namespace ModelPackTools.Cli.Commands;

/// <summary>Writes a failure as one line naming the input, never a stack trace, and yields exit code 2.</summary>
internal static class CommandFailure
{
    public static int Report(TextWriter error, string message)
    {
        error.WriteLine($"modelpack: error: {message}");
        return ExitCodes.UsageOrIoFailure;
    }
}
