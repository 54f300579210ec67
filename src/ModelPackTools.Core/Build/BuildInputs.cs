using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Extraction;
using ModelPackTools.Options;
using ModelPackTools.Reporting;
using ModelPackTools.Sources;
using ModelPackTools.Spec;
using ModelPackTools.Trees;

namespace ModelPackTools.Build;

/// <summary>
/// What an incremental build (MSBuild's Inputs and Outputs) needs to know whether a spec's output is up to date: every
/// file the build reads, and a stable hash of every option that is not a file, to keep in a cache file beside it.
/// </summary>
public static class BuildInputs
{
    /// <summary>
    /// The spec file and every model file the build would read, after the spec's globs and the default exclusions,
    /// as full paths in the order the build reads them. Links are listed as themselves (MSBuild's timestamps follow them).
    /// </summary>
    public static IReadOnlyList<string> Files(ModelPackSpec spec, string outputDirectory)
    {
        var tree = DirectorySource.Read(spec.SourcePath);
        var selection = BuildPipeline.CheckSettingsFor(spec, new CheckSettings()).Selection.With(BuildExclusions.For(spec, outputDirectory, tree));
        var files = selection.Apply(tree).Entries
            .Where(e => e.Kind is EntryKind.File or EntryKind.SymbolicLink && e.LocalPath is not null)
            .Select(e => e.LocalPath!);
        return spec.SpecPath is { } specPath ? [specPath, .. files] : [.. files];
    }

    /// <summary>
    /// SHA-256 (hex) of the options that decide the output but are not files: the tool version, the compression level,
    /// the archive mtime, the output folder and the check's settings. The thread count is left out: the output does not
    /// depend on it. Same options, same hash, on every machine.
    /// </summary>
    public static string OptionsHash(WriteSettings write, CheckSettings settings, string outputDirectory) =>
        OptionsHash(null, write, settings, outputDirectory);

    /// <summary>
    /// As above, plus what a front-end may have set over the spec file's values (format, S3 URIs, part sizes): the
    /// spec file itself is one of the <see cref="Files"/>, but an override of it is not.
    /// </summary>
    public static string OptionsHash(ModelPackSpec? spec, WriteSettings write, CheckSettings settings, string outputDirectory)
    {
        var lines = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["tool"] = $"{ToolInfo.Name} {ToolInfo.Version}",
            ["level"] = write.Level.ToString(CultureInfo.InvariantCulture),
            ["mtime"] = write.ModificationTime.ToString(CultureInfo.InvariantCulture),
            ["output"] = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory)),
            ["profile"] = settings.Profile.Name,
            ["contentScanners"] = string.Join(',', settings.ContentInspectors.Select(i => i.Name)),
            ["allowImports"] = string.Join(',', settings.ContentInspectors.OfType<PickleInspector>().SelectMany(p => p.Reviewed).Order(StringComparer.Ordinal)),
            ["maxRatio"] = settings.Archive.MaxCompressionRatio.ToString("R", CultureInfo.InvariantCulture),
        };
        if (spec is not null)
        {
            lines["format"] = spec.Format.ToString();
            lines["s3Uri"] = spec.S3Uri ?? string.Empty;
            lines["manifestS3Uri"] = spec.ManifestS3Uri ?? string.Empty;
            lines["partSizes"] = spec.PartSizes.Name;
            lines["source"] = spec.SourcePath;
        }

        var text = string.Concat(lines.Select(p => $"{p.Key}={p.Value}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
