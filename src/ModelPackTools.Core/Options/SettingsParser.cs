using ModelPackTools.Archives;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;

namespace ModelPackTools.Options;

/// <summary>
/// Text to settings, once, for every front-end: every problem is collected (not only the first), each an MPK9004
/// diagnostic naming its setting. A front-end prints the first and stops, or logs them all.
/// </summary>
public static class SettingsParser
{
    public static bool TryParse(SettingsText text, out CheckSettings settings, out IReadOnlyList<Diagnostic> problems)
    {
        // `&`, not `&&`: every value is parsed, so every problem is reported.
        var ok = OptionValues.TryParseMode(text.Mode, out var mode, out var p1)
            & OptionValues.TryParseS3Uri(text.S3Uri, SettingNames.S3Uri, out var s3Uri, out var p2)
            & OptionValues.TryParseMaxRatio(text.MaxRatio, new ArchiveReadOptions().MaxCompressionRatio, out var ratio, out var p3)
            & OptionValues.TryParseProfile(text.Profile, out var profile, out var p4)
            & OptionValues.TryParseContentScanners(text.ContentScanners, out var inspectors, out var p5)
            & OptionValues.TryParseEnvironment(text.Environment, out var environment, out var p6)
            & OptionValues.TryParseAllowImports(text.AllowImports, out var allowed, out var p7);
        settings = new CheckSettings
        {
            Mode = mode,
            S3Uri = s3Uri,
            Profile = profile,
            ContentInspectors = ContentInspectors.Allowing(inspectors, allowed),
            Environment = environment,
            Archive = new ArchiveReadOptions { MaxCompressionRatio = ratio },
        };
        problems = new[] { p1, p2, p3, p4, p5, p6, p7 }.OfType<Diagnostic>().ToList();
        return ok;
    }

    /// <param name="defaultThreads">The thread count when none is given: the front-end's choice (the CLI: every core).</param>
    public static bool TryParse(WriteText text, int defaultThreads, out WriteSettings settings, out IReadOnlyList<Diagnostic> problems)
    {
        var ok = OptionValues.TryParseLevel(text.Level, out var level, out var p1)
            & OptionValues.TryParseThreads(text.Threads, defaultThreads, out var threads, out var p2)
            & OptionValues.TryParseSourceDateEpoch(text.SourceDateEpoch, out var mtime, out var p3)
            & OptionValues.TryParsePartSizes(text.PartSize, text.Uploader, out var partSizes, out var p4)
            & OptionValues.TryParseChecksums(text.Checksums, out var checksums, out var p5);
        settings = new WriteSettings { Level = level, Threads = threads, ModificationTime = mtime, PartSizes = partSizes, Checksums = checksums };
        problems = new[] { p1, p2, p3, p4, p5 }.OfType<Diagnostic>().ToList();
        return ok;
    }

    /// <summary>For a front-end that stops at the first problem: the settings, or the coded exception for it.</summary>
    public static CheckSettings Parse(SettingsText text) =>
        TryParse(text, out var settings, out var problems) ? settings : throw new ModelPackException(problems[0]);

    public static WriteSettings Parse(WriteText text, int defaultThreads) =>
        TryParse(text, defaultThreads, out var settings, out var problems) ? settings : throw new ModelPackException(problems[0]);
}
