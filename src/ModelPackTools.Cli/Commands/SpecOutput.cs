using ModelPackTools.Build;
using ModelPackTools.Reporting;
using ModelPackTools.Spec;

namespace ModelPackTools.Cli.Commands;

/// <summary>Reads modelpack.json for `request` and `build` and prints its findings, located at their lines; null when it has errors.</summary>
internal static class SpecOutput
{
    public static ModelPackSpec? Read(string path, ReportFormat format, TextWriter output)
    {
        var (spec, diagnostics) = SpecReader.Read(path);
        if (spec is not null)
        {
            return spec;
        }

        ReportOutput.Write(path, diagnostics, format, () => BuildReportWriter.WriteRefusedSpec(path, diagnostics), output);
        if (format == ReportFormat.Text)
        {
            output.WriteLine($"{path}: {TextReportWriter.Plural(diagnostics.Count(d => d.IsError), "error")} in the spec; nothing written");
        }

        return null;
    }
}
