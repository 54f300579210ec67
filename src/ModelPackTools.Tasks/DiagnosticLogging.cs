using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Reporting;

namespace ModelPackTools.Tasks;

/// <summary>
/// Diagnostics into MSBuild's log with their code, file, line and column and help link, so `-warnaserror`,
/// `NoWarn`/`WarningsAsErrors` with MPK codes and IDE error lists treat them as they treat compiler diagnostics.
/// </summary>
internal static class DiagnosticLogging
{
    private const string HelpLink = "https://github.com/modelpacktools/modelpacktools/blob/main/README.md#diagnostics";

    public static void LogAll(TaskLoggingHelper log, IEnumerable<Diagnostic> diagnostics, string? specPath, string? sourcePath)
    {
        foreach (var diagnostic in diagnostics)
        {
            Log(log, diagnostic, specPath, sourcePath);
        }
    }

    /// <summary>
    /// A located diagnostic points at its line (a spec key); one about a model entry at the file in the model folder
    /// it came from; one about the model as a whole at the spec, else at nothing (MSBuild then names the project).
    /// </summary>
    public static void Log(TaskLoggingHelper log, Diagnostic diagnostic, string? specPath, string? sourcePath)
    {
        var file = diagnostic.Location?.File
            ?? (diagnostic.Path is { } path && sourcePath is not null ? Path.Combine(sourcePath, path) : specPath);
        var line = diagnostic.Location?.Line ?? 0;
        var column = diagnostic.Location?.Column ?? 0;
        if (diagnostic.IsError)
        {
            log.LogError(null, diagnostic.Code, diagnostic.Code, HelpLink, file, line, column, 0, 0, "{0}", diagnostic.Message);
        }
        else
        {
            log.LogWarning(null, diagnostic.Code, diagnostic.Code, HelpLink, file, line, column, 0, 0, "{0}", diagnostic.Message);
        }
    }

    /// <summary>
    /// The content scan's coverage line (`content: pickle 1; 1 file not scanned (config.json)`), the one `check`
    /// prints, as a low-importance message: visible with `-v:d` or in a binary log, silent in a normal build.
    /// Nothing when no scan ran.
    /// </summary>
    public static void LogCoverage(TaskLoggingHelper log, ContentCoverage? coverage)
    {
        if (TextReportWriter.ContentLine(coverage) is { } line)
        {
            log.LogMessage(MessageImportance.Low, "ModelPack: {0}", line);
        }
    }
}
