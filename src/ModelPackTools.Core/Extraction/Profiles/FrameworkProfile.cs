namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// What a framework's serving container expects of /opt/ml/model (where the weights, the handler, the config must
/// be), as extra rules the simulator runs after the generic ones when the profile is switched on. The generic rules
/// always run; a profile only adds. Profiles are listed in <see cref="FrameworkProfiles"/>; "none" adds nothing.
/// </summary>
public sealed class FrameworkProfile
{
    internal FrameworkProfile(string name, string description, IReadOnlyList<IEntryRule> entryRules, IReadOnlyList<ITreeRule> treeRules)
    {
        this.Name = name;
        this.Description = description;
        this.EntryRules = entryRules;
        this.TreeRules = treeRules;
    }

    /// <summary>The name the spec key `profile` and the front-ends' options take.</summary>
    public string Name { get; }

    public string Description { get; }

    internal IReadOnlyList<IEntryRule> EntryRules { get; }

    internal IReadOnlyList<ITreeRule> TreeRules { get; }

    public override string ToString() => this.Name;
}
