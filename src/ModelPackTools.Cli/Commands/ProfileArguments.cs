using System.CommandLine;
using ModelPackTools.Extraction;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Options;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// `--profile NAME` and `--env NAME=VALUE`: the framework profile whose rules check, pack and layout add to the generic
/// ones, and the serving container's environment some of those rules read. `build` takes only the profile: its
/// environment is the spec's, the one its request gives the container.
/// </summary>
internal sealed class ProfileArguments
{
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Framework profile whose layout rules to add (MPK7xxx): " +
                      string.Join(", ", FrameworkProfiles.All.Select(p => p.Name)) +
                      ". Default: auto, inferred from --env or the spec's environment, else from files only one container uses " +
                      "(config.pbtxt, saved_model.pb, serving.properties, a save_pretrained folder); build also reads the spec's profile and image.",
    };

    public Option<string[]> Environment { get; } = new("--env")
    {
        Description = "A variable of the serving container's environment, NAME=VALUE (repeatable), e.g. SAGEMAKER_PROGRAM=serve.py " +
                      "or HF_MODEL_ID=gpt2. Without any, the environment is unknown and the rules that need it stay quiet.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public IEnumerable<Option> All => [this.Profile, this.Environment];

    /// <summary>Parsed in the engine, so every front-end spells the same names and gets the same MPK9004 on a bad value.</summary>
    public CheckSettings Parse(ParseResult parse) =>
        SettingsParser.Parse(this.Text(parse));

    public SettingsText Text(ParseResult parse) =>
        new() { Profile = parse.GetValue(this.Profile), Environment = parse.GetValue(this.Environment) };
}
