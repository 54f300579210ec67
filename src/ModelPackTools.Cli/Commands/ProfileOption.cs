using System.CommandLine;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Options;

namespace ModelPackTools.Cli.Commands;

/// <summary>`--profile NAME`, the framework profile whose rules check, pack, layout and build add to the generic ones.</summary>
internal static class ProfileOption
{
    public static Option<string?> Create() => new("--profile")
    {
        Description = "Framework profile whose layout rules to add (MPK7xxx): " +
                      string.Join(", ", FrameworkProfiles.All.Select(p => p.Name)) +
                      ". Default: auto (triton from a config.pbtxt, tensorflow-serving from a saved_model.pb; build also reads the spec's profile and image).",
    };

    /// <summary>Parsed in the engine, so every front-end spells the same names and the same MPK9004 on a bad one.</summary>
    public static FrameworkProfile Parse(ParseResult parse, Option<string?> option) =>
        SettingsParser.Parse(new SettingsText { Profile = parse.GetValue(option) }).Profile;
}
