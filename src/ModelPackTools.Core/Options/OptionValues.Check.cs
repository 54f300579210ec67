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

    /// <summary>"none" (the default), "all", or a comma-separated list of inspector names (<see cref="ContentInspectors"/>).</summary>
    public static bool TryParseContentScanners(string? text, out IReadOnlyList<IContentInspector> inspectors, out Diagnostic? problem)
    {
        problem = null;
        inspectors = [];
        if (string.IsNullOrEmpty(text) || text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
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
}
