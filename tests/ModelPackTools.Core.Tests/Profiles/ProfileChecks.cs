using ModelPackTools.Extraction;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Profiles;

/// <summary>Simulates a small S3 prefix listing under a profile, with or without a known container environment.</summary>
internal static class ProfileChecks
{
    public static ExtractionReport Check(FrameworkProfile profile, params string[] files) => Check(profile, null, files);

    public static ExtractionReport Check(FrameworkProfile profile, IReadOnlyDictionary<string, string>? environment, params string[] files) =>
        ExtractionSimulator.Simulate(
            new ModelTree("input", SourceKind.Listing, [.. files.Select(f => File(f))], []),
            new SimulationOptions { Mode = ExtractionMode.S3PrefixNone, Profile = profile, Environment = environment });

    /// <summary>An environment of NAME=value pairs; no pairs is a known, empty environment.</summary>
    public static Dictionary<string, string> Env(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
