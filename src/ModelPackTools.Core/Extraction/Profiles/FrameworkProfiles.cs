namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Every framework profile the simulator knows. A profile is its rules (one file per rule under
/// <c>Extraction/Profiles/</c>, implementing <see cref="ITreeRule"/> or <see cref="IEntryRule"/>) plus one entry here.
/// </summary>
public static class FrameworkProfiles
{
    public static FrameworkProfile None { get; } = new("none", "no framework: the generic SageMaker rules only", [], []);

    public static IReadOnlyList<FrameworkProfile> All { get; } = [None];

    public static FrameworkProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
