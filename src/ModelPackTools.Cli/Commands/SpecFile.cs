using ModelPackTools.Diagnostics;
using ModelPackTools.Reporting;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>Reads modelpack.json for `request` and `build` and prints its findings; null when it has errors.</summary>
internal static class SpecFile
{
    public const string DefaultName = "modelpack.json";

    public static ModelPackSpec? Read(string path, TextWriter output, TextWriter error, out int exitCode)
    {
        exitCode = ExitCodes.Clean;
        if (!File.Exists(path))
        {
            exitCode = CommandFailure.Report(error, $"cannot read '{path}': no such file (write one with `modelpack init`)");
            return null;
        }

        var (spec, diagnostics) = SpecReader.Read(path);
        Print(path, diagnostics, output);
        if (spec is null)
        {
            output.WriteLine($"{path}: {TextReportWriter.Plural(diagnostics.Count(d => d.IsError), "error")} in the spec; nothing written");
            exitCode = ExitCodes.ErrorsFound;
        }

        return spec;
    }

    public static void Print(string file, IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine($"{file}: {diagnostic}");
        }
    }
}
