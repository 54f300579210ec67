using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Selection;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>
/// One check of one input, which every writer consumes instead of reading the input again: the tree the source saw,
/// the simulated /opt/ml/model the rules judged, the report, the settings it ran with, and what the selection left
/// out. Writers lay out exactly <see cref="FileSystem"/>, so what was judged is what is written.
/// </summary>
public sealed class ModelCheck
{
    internal ModelCheck(ModelTree tree, VirtualFileSystem fileSystem, ExtractionReport report, CheckSettings settings, SimulationOptions simulation, ContentInspection content, bool contentPending, IReadOnlyList<ExcludedPath> excluded)
    {
        this.Tree = tree;
        this.FileSystem = fileSystem;
        this.Report = report;
        this.Settings = settings;
        this.Simulation = simulation;
        this.Content = content;
        this.ContentPending = contentPending;
        this.Excluded = excluded;
    }

    public ModelTree Tree { get; }

    public ExtractionReport Report { get; }

    public CheckSettings Settings { get; }

    public SimulationOptions Simulation { get; }

    /// <summary>Paths of a folder the selection left out, with why (the spec's globs, the spec itself, an earlier build).</summary>
    public IReadOnlyList<ExcludedPath> Excluded { get; }

    /// <summary>
    /// True when the content inspectors have not seen the files yet: the writer that reads every file (pack, manifest)
    /// feeds them on its way, so inspection costs no read of its own, and adds <see cref="Content"/>'s findings.
    /// </summary>
    public bool ContentPending { get; }

    public ContentInspection Content { get; }

    public bool HasErrors => this.Report.HasErrors;

    public ExtractionMode Mode => this.Simulation.Mode;

    internal VirtualFileSystem FileSystem { get; }

    /// <summary>The report with the content findings made since the check (by the writer's read) added.</summary>
    public ExtractionReport ReportWithContent()
    {
        return this.ContentPending ? WithFindings(this.Report, this.Content, this.Tree, this.FileSystem, this.Simulation) : this.Report;
    }

    /// <summary>Runs the simulation over a tree a source read; the content, when pending, is left to the writer.</summary>
    public static ModelCheck Run(ModelTree tree, CheckSettings settings, ContentInspection content, bool contentPending, IReadOnlyList<ExcludedPath>? excluded = null)
    {
        var simulation = settings.SimulationFor(tree.SourceKind);
        var (report, fileSystem) = ExtractionSimulator.Materialize(tree, simulation);
        if (!contentPending)
        {
            report = WithFindings(report, content, tree, fileSystem, simulation);
        }

        return new ModelCheck(tree, fileSystem, report, settings, simulation, content, contentPending && !content.IsEmpty, excluded ?? []);
    }

    // Every file was offered by now, so the aggregation step runs here, over the tree the simulator materialised.
    private static ExtractionReport WithFindings(ExtractionReport report, ContentInspection content, ModelTree tree, VirtualFileSystem fileSystem, SimulationOptions simulation)
    {
        if (content.IsEmpty)
        {
            return report;
        }

        var findings = content.Conclude(new MaterializedView(tree, fileSystem), report.Profile, simulation.Environment);
        report = report with { Content = content.Coverage() };
        if (findings.Count == 0)
        {
            return report;
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(report.Diagnostics);
        diagnostics.AddRange(findings);
        return report with { Diagnostics = diagnostics.Items };
    }
}
