using System.CommandLine;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Cli.Commands;

/// <summary>`modelpack explain MPKnnnn`: what a diagnostic means and how to fix it; without a code, the catalogue.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output)
    {
        var code = new Argument<string?>("code")
        {
            Description = "A diagnostic code such as MPK1005. Without one, every code is listed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("explain", "Explain a diagnostic code: what it means for SageMaker and how to fix it.") { code };
        command.SetAction(parse => Run(parse.GetValue(code), output));
        return command;
    }

    internal static int Run(string? code, TextWriter output)
    {
        if (code is null)
        {
            foreach (var entry in DiagnosticCatalog.All)
            {
                output.WriteLine($"{entry.Code}  {(entry.Severity == DiagnosticSeverity.Error ? "error  " : "warning")}  {entry.Title}");
            }

            return ExitCodes.Clean;
        }

        var descriptor = DiagnosticCatalog.Find(code)
            ?? throw new ModelPackException(DiagnosticCatalog.InvalidOption, $"'{code}' is not a modelpack diagnostic code (run 'modelpack explain' for the list)");
        output.WriteLine($"{descriptor.Code}: {descriptor.Title} ({(descriptor.Severity == DiagnosticSeverity.Error ? "error" : "warning")})");
        output.WriteLine();
        foreach (var line in Wrap(descriptor.Explanation, 100))
        {
            output.WriteLine(line);
        }

        return ExitCodes.Clean;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
