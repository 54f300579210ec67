using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction.Profiles;

namespace ModelPackTools.Options;

// The options that add rules to a check: the framework profile and the content inspectors.
public static partial class OptionValues
{
    /// <summary>A framework profile by name (<see cref="FrameworkProfiles"/>); default auto (inferred from the files).</summary>
    public static bool TryParseProfile(string? text, out FrameworkProfile profile, out Diagnostic? problem)
    {
        problem = null;
        profile = FrameworkProfiles.Auto;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        profile = FrameworkProfiles.Find(text) ?? FrameworkProfiles.Auto;
        return FrameworkProfiles.Find(text) is not null ||
            Fail(SettingNames.Profile, $"'{text}' is not a framework profile: use {string.Join(", ", FrameworkProfiles.All.Select(p => p.Name))}", out problem);
    }

    /// <summary>"all" (the default: check scans unless told not to), "none", or a comma-separated list of inspector names (<see cref="ContentInspectors"/>).</summary>
    public static bool TryParseContentScanners(string? text, out IReadOnlyList<IContentInspector> inspectors, out Diagnostic? problem)
    {
        problem = null;
        inspectors = [];
        if (text is not null && text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.IsNullOrEmpty(text) || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            inspectors = ContentInspectors.All;
            return true;
        }

        var chosen = new List<IContentInspector>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ContentInspectors.Find(name) is not { } inspector)
            {
                var known = string.Join(", ", ContentInspectors.All.Select(i => i.Name).Prepend("all").Prepend("none"));
                return Fail(SettingNames.ContentScanners, $"'{name}' is not a content scanner: use {known}", out problem);
            }

            chosen.Add(inspector);
        }

        inspectors = chosen;
        return true;
    }

    /// <summary>
    /// Reviewed pickle imports, each a dotted Python name `module.name` (the form the findings print); a name that is
    /// not one would never match and silently accept nothing, so it is refused.
    /// </summary>
    public static bool TryParseAllowImports(IReadOnlyList<string>? names, out IReadOnlyList<string> imports, out Diagnostic? problem)
    {
        problem = null;
        imports = names ?? [];
        foreach (var name in imports)
        {
            var parts = name.Split('.');
            if (parts.Length < 2 || !parts.All(IsIdentifier))
            {
                imports = [];
                return Fail(SettingNames.AllowImports, $"'{name}' is not an import to allow: give it as module.name, e.g. collections.OrderedDict", out problem);
            }
        }

        return true;
    }

    private static bool IsIdentifier(string part) =>
        part.Length > 0 && !char.IsAsciiDigit(part[0]) && part.All(c => c == '_' || char.IsLetterOrDigit(c));
}
