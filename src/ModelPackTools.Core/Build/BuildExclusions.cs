using System.Text;
using ModelPackTools.IO;
using ModelPackTools.Requests;
using ModelPackTools.Selection;
using ModelPackTools.Spec;
using ModelPackTools.Trees;

namespace ModelPackTools.Build;

/// <summary>
/// What a spec-driven build leaves out of the model by default, because it is about the model rather than part of
/// it: the spec and its schema (`init` writes both into the model folder), the output folder and its staging
/// siblings, and any folder holding an earlier build's report.json or facts.json (an old `out/` beside a new `-o other`).
/// </summary>
public static class BuildExclusions
{
    public const string SpecReason = "the spec and its schema";
    public const string OutputReason = "this build's output";
    public const string EarlierBuildReason = "an earlier build's output";

    /// <summary>The paths of the walked <paramref name="tree"/> (relative, '/'-separated) to leave out, each with its reason.</summary>
    /// <param name="staging">This build's staging folder, which does not exist yet when the model is walked.</param>
    public static IEnumerable<ExcludedPath> For(ModelPackSpec spec, string outputDirectory, ModelTree tree, string? staging = null)
    {
        var source = spec.SourcePath;
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var found = new List<ExcludedPath>();
        void Add(string fullPath, string reason)
        {
            if (fullPath != source && StagedOutput.IsInside(fullPath, source))
            {
                found.Add(new ExcludedPath(Path.GetRelativePath(source, fullPath).Replace(Path.DirectorySeparatorChar, '/'), reason));
            }
        }

        if (spec.SpecPath is { } specPath)
        {
            Add(specPath, SpecReason);
            Add(Path.Combine(Path.GetDirectoryName(specPath)!, SpecTemplate.SchemaFileName), SpecReason);
        }

        Add(output, OutputReason);
        if (staging is not null)
        {
            Add(Path.GetFullPath(staging), OutputReason);
        }

        var outputName = Path.GetFileName(output);
        foreach (var entry in tree.Entries)
        {
            var name = entry.Path[(entry.Path.LastIndexOf('/') + 1)..];
            var full = Path.Combine(source, entry.Path.Replace('/', Path.DirectorySeparatorChar));
            if (entry.Kind == EntryKind.Directory && StagedOutput.IsSiblingOf(name, outputName) && Path.GetDirectoryName(full) == Path.GetDirectoryName(output))
            {
                Add(full, OutputReason);
            }
            else if (entry.Kind == EntryKind.File && entry.LocalPath is { } local && IsBuildRecord(name, local))
            {
                Add(Path.GetDirectoryName(full)!, EarlierBuildReason);
            }
        }

        return found.DistinctBy(e => e.Path, StringComparer.Ordinal);
    }

    // report.json says it is ours; facts.json has the two members every build writes. Only the first bytes are read.
    private static bool IsBuildRecord(string name, string localPath)
    {
        if (name is not (BuildPipeline.ReportFileName or BuildFacts.FileName))
        {
            return false;
        }

        try
        {
            using var file = RawPathFile.OpenRead(localPath); // by its stored bytes where a folder's name is not UTF-8
            var head = new byte[512];
            var text = Encoding.UTF8.GetString(head, 0, file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false));
            return name == BuildPipeline.ReportFileName
                ? text.Contains("\"tool\": \"modelpack\"", StringComparison.Ordinal)
                : text.Contains("\"Format\":", StringComparison.Ordinal) && text.Contains("\"PartSizes\":", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
