using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction.Profiles;
using ModelPackTools.Extraction.Rules;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>
/// Materialises a <see cref="ModelTree"/> the way SageMaker would for a data mode and reports every finding: the
/// source's own, each entry rule's, the materialiser's (clashes, duplicates, links) and each tree rule's.
/// </summary>
public static class ExtractionSimulator
{
    private static readonly IEntryRule[] EntryRules =
    [
        new EmptyComponentRule(),
        new NulCharacterRule(),
        new ComponentLengthRule(),
        new PathLengthRule(),
        new DotComponentRule(),
        new KeyLengthRule(),
        new FolderMarkerRule(),
        new AbsolutePathRule(),
        new NonCanonicalPathRule(),
        new TrailingSlashFileRule(),
        new SymbolicLinkInArchiveRule(),
        new SpecialFileRule(),
        new UnsupportedEntryTypeRule(),
        new DataOnNonFileRule(),
        new SetuidRule(),
        new UnreadableEntryRule(),
        new ControlCharacterRule(),
        new BackslashRule(),
        new InvalidUtf8Rule(),
    ];

    private static readonly ITreeRule[] TreeRules =
    [
        new PrefixSlashRule(),
        new GzipRequiredRule(),
        new LinkResolutionRule(),
        new NormalizationPairRule(),
        new CaseOnlyPairRule(),
        new NoFilesRule(),
        new SingleObjectRule(),
        new SingleTopLevelFolderRule(),
        new Profiles.HuggingFaceCacheRule(),
        new Profiles.NoModelFileRule(),
        new StrayFileRule(),
        new EmptyDirectoryRule(),
    ];

    public static ExtractionReport Simulate(ModelTree tree, SimulationOptions options) => Materialize(tree, options).Report;

    /// <summary>The report plus the simulated tree itself, which writers use to lay out exactly what was judged.</summary>
    internal static (ExtractionReport Report, VirtualFileSystem FileSystem) Materialize(ModelTree tree, SimulationOptions options)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(tree.SourceDiagnostics);
        var context = new ExtractionContext(tree, options, diagnostics);
        var materializer = new TreeMaterializer(context);
        long bytes = 0;
        var files = 0;
        var directories = 0;
        for (var i = 0; i < tree.Entries.Count; i++)
        {
            var entry = tree.Entries[i];
            var name = NameOf(entry, context);
            if (name.IsRoot && name.IsArchiveMember && entry.Kind == EntryKind.Directory && entry.Path.Length > 0)
            {
                // `/`, `./` or `.`: the extraction directory itself, as the SageMaker Python SDK writes it.
                continue;
            }

            foreach (var rule in EntryRules)
            {
                rule.Check(entry, name, context);
            }

            foreach (var rule in options.Profile.EntryRules)
            {
                rule.Check(entry, name, context);
            }

            materializer.Place(i, entry, name);
            if (entry.Kind is EntryKind.File or EntryKind.HardLink)
            {
                files++;
                bytes += Math.Max(0, entry.Size);
            }
            else if (entry.Kind == EntryKind.Directory)
            {
                directories++;
            }
        }

        // "auto" becomes a concrete profile only now: inference looks at the materialised tree, as the container would.
        var (profile, reason) = ProfileInference.Resolve(options.Profile, materializer.FileSystem, options.Environment);
        foreach (var rule in TreeRules.Concat(profile.TreeRules))
        {
            rule.Check(materializer.FileSystem, context);
        }

        var report = new ExtractionReport(tree.SourceName, options.Mode, diagnostics.Items, tree.Entries.Count, files, directories, bytes)
        {
            Profile = profile.Name,
            ProfileReason = reason,
            AcceptedWrapper = context.AcceptedWrapper,
        };
        return (report, materializer.FileSystem);
    }

    private static EntryName NameOf(ModelEntry entry, ExtractionContext context) => context.Mode switch
    {
        ExtractionMode.S3ObjectNone => EntryName.ForObjectKey(entry.Path),
        ExtractionMode.S3PrefixNone => EntryName.ForKey(entry.Path),
        _ => EntryName.ForArchiveMember(entry.Path),
    };
}
