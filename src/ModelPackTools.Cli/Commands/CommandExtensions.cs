using System.CommandLine;

namespace ModelPackTools.Cli.Commands;

/// <summary>Adds a shared option group (part sizes, S3 client, build tuning) to a command in one line.</summary>
internal static class CommandExtensions
{
    public static void AddOptions(this Command command, IEnumerable<Option> options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }
}
