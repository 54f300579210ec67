using System.Globalization;
using ModelPackTools.Diagnostics;
using ModelPackTools.Layout;
using ModelPackTools.Packing;
using ModelPackTools.Reporting;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Options;

/// <summary>
/// Every option value a front-end receives as text (a command-line value, an MSBuild property, an environment
/// variable), parsed in one place. Each returns the value, or false with one MPK9004 diagnostic naming the setting
/// (<see cref="Diagnostic.Setting"/>), which the front-end prints with its own spelling. Null or empty text means
/// "not given" (an unset MSBuild property is empty) and yields the default.
/// </summary>
public static partial class OptionValues
{
    public const int DefaultLevel = 6;

    /// <summary>gzip level 0-9; default 6, gzip's own.</summary>
    public static bool TryParseLevel(string? text, out int level, out Diagnostic? problem) =>
        TryParseWhole(text, SettingNames.Level, DefaultLevel, 0, 9, "the gzip level", out level, out problem);

    /// <summary>Threads (or files) at once; the caller supplies the default, so the engine never picks a core count itself.</summary>
    public static bool TryParseThreads(string? text, int whenNotGiven, out int threads, out Diagnostic? problem) =>
        TryParseWhole(text, SettingNames.Threads, whenNotGiven, 1, 4096, "the thread count", out threads, out problem);

    public static bool TryParseConcurrency(string? text, int whenNotGiven, out int concurrency, out Diagnostic? problem) =>
        TryParseWhole(text, SettingNames.Concurrency, whenNotGiven, 1, 1024, "the number of requests in flight", out concurrency, out problem);

    /// <summary>The reproducible-builds convention: SOURCE_DATE_EPOCH, when set, is the mtime of every archive member.</summary>
    public static bool TryParseSourceDateEpoch(string? text, out long mtime, out Diagnostic? problem)
    {
        problem = null;
        mtime = PackOptions.DefaultModificationTime;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // tar's 11 octal digits hold up to 0x1FFFFFFFF seconds (the year 2242).
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out mtime) && mtime <= 0x1FFFFFFFF)
        {
            return true;
        }

        mtime = PackOptions.DefaultModificationTime;
        return Fail(SettingNames.SourceDateEpoch, $"'{text}' is not a number of seconds since 1970 that tar can store", out problem);
    }

    /// <summary>The data mode: s3object-gzip, s3object-none or s3prefix-none; null when not given.</summary>
    public static bool TryParseMode(string? text, out ExtractionMode? mode, out Diagnostic? problem)
    {
        problem = null;
        mode = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (ModeNames.TryParse(text, out var parsed))
        {
            mode = parsed;
            return true;
        }

        return Fail(SettingNames.Mode, $"'{text}' is not a data mode: use s3object-gzip, s3object-none or s3prefix-none", out problem);
    }

    /// <summary>An s3://bucket/key-or-prefix URI; null when not given.</summary>
    public static bool TryParseS3Uri(string? text, string setting, out S3Location? location, out Diagnostic? problem)
    {
        problem = null;
        location = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return S3Location.TryParse(text, out location) || Fail(setting, $"'{text}' is not an s3://bucket/prefix/ URI", out problem);
    }

    /// <summary>An s3://bucket/prefix/ URI that must be given and end with '/' (a manifest's destination, a prefix to verify against).</summary>
    public static bool TryParsePrefixUri(string? text, string setting, out S3Location? location, out Diagnostic? problem)
    {
        if (!TryParseS3Uri(text, setting, out location, out problem))
        {
            return false;
        }

        return location is { IsPrefix: true } || Fail(setting, $"'{text}' is not an s3://bucket/prefix/ URI ending with '/'", out problem);
    }

    /// <summary>The compression-bomb limit: decompressed bytes per compressed byte, at least 1.</summary>
    public static bool TryParseMaxRatio(string? text, double whenNotGiven, out double ratio, out Diagnostic? problem)
    {
        problem = null;
        ratio = whenNotGiven;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out ratio) && ratio >= 1 && double.IsFinite(ratio))
        {
            return true;
        }

        ratio = whenNotGiven;
        return Fail(SettingNames.MaxRatio, $"the compression ratio limit must be a number of at least 1 (got '{text}')", out problem);
    }

    /// <summary>text, json or sarif, of those a command offers; default text.</summary>
    public static bool TryParseReportFormat(string? text, IReadOnlyList<ReportFormat> offered, out ReportFormat format, out Diagnostic? problem)
    {
        problem = null;
        format = ReportFormat.Text;
        var names = offered.Select(f => f.ToString().ToLowerInvariant()).ToList();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var index = names.IndexOf(text.ToLowerInvariant());
        if (index >= 0)
        {
            format = offered[index];
            return true;
        }

        return Fail(SettingNames.ReportFormat, $"'{text}' is not a report format: use {string.Join(", ", names)}", out problem);
    }

    /// <summary>How a layout gets its files: auto (hard links, else copies), link or copy.</summary>
    public static bool TryParseLayoutMode(string? text, out LayoutMode mode, out Diagnostic? problem)
    {
        problem = null;
        mode = LayoutMode.Auto;
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "auto":
                return true;
            case "link":
                mode = LayoutMode.Link;
                return true;
            case "copy":
                mode = LayoutMode.Copy;
                return true;
            default:
                return Fail(SettingNames.LayoutMode, $"'{text}' is not a layout mode: use auto, link or copy", out problem);
        }
    }

    /// <summary>For a front-end that stops at the first problem: the parsed value, or the coded failure thrown.</summary>
    /// <example><c>var format = OptionValues.Require(OptionValues.TryParseReportFormat(text, offered, out var f, out var p), f, p);</c></example>
    public static T Require<T>(bool parsed, T value, Diagnostic? problem) => parsed ? value : throw new ModelPackException(problem!);

    internal static bool Fail(string setting, string message, out Diagnostic? problem)
    {
        problem = DiagnosticCatalog.InvalidOption.Create(null, message) with { Setting = setting };
        return false;
    }

    private static bool TryParseWhole(string? text, string setting, int whenNotGiven, int min, int max, string what, out int value, out Diagnostic? problem)
    {
        problem = null;
        value = whenNotGiven;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        value = whenNotGiven;
        return Fail(setting, $"{what} must be a whole number from {min} to {max}, not '{text}'", out problem);
    }
}
