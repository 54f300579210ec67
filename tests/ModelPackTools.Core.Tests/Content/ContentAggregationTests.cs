using System.Text;
using ModelPackTools.Content;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Manifests;
using ModelPackTools.Packing;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>
/// The aggregation step: an inspector that is an <see cref="IContentAggregator"/> is called once per check, after
/// every file was offered, with what its scans kept (in path order) and the materialised /opt/ml/model.
/// </summary>
public sealed class ContentAggregationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_folder_check_aggregates_once_after_every_file_with_the_collected_values_in_path_order()
    {
        this.temp.Write("m/b.ref", "data.bin");
        this.temp.Write("m/a.ref", "sub/missing.bin");
        this.temp.Write("m/data.bin", "0123456789");
        var inspector = new ReferenceInspector();

        var check = ModelChecker.Check(this.temp.Combine("m"), new CheckSettings { ContentInspectors = [inspector] });

        Assert.Equal(1, inspector.Calls);
        Assert.Equal(["a.ref", "b.ref"], inspector.Received.Select(c => c.Path));
        Assert.Equal(
            ["a.ref: sub/missing.bin Missing", "b.ref: data.bin Found data.bin 10"],
            check.Report.Diagnostics.Where(d => d.Code == "MPK4998").Select(d => $"{d.Path}: {d.Message}"));
    }

    [Fact]
    public void Per_file_findings_come_first_then_the_aggregators_in_inspector_order()
    {
        this.temp.Write("m/z.ref", "EVIL");
        var first = new ReferenceInspector("first", "MPK4998", "MPK4997");
        var second = new ReferenceInspector("second", "MPK4996", "MPK4995");

        var check = ModelChecker.Check(this.temp.Combine("m"), new CheckSettings { ContentInspectors = [second, first] });

        Assert.Equal(
            ["MPK4995 z.ref", "MPK4997 z.ref", "MPK4996 z.ref", "MPK4996 (summary)", "MPK4998 z.ref", "MPK4998 (summary)"],
            check.Report.Diagnostics.Where(d => d.Code.StartsWith("MPK49", StringComparison.Ordinal)).Select(d => $"{d.Code} {d.Path ?? "(summary)"}"));
    }

    [Fact]
    public void Pack_aggregates_after_its_own_copy_fed_the_scans()
    {
        this.temp.Write("m/a.ref", "data.bin");
        this.temp.Write("m/data.bin", "xyz");
        var inspector = new ReferenceInspector();
        var check = ModelChecker.CheckFolder(this.temp.Combine("m"), new CheckSettings { ContentInspectors = [inspector] });
        Assert.Equal(0, inspector.Calls); // pending: nothing read yet

        var result = ModelPacker.Pack(check, this.temp.Combine("m.tar.gz"), new PackOptions());

        Assert.Equal(1, inspector.Calls);
        Assert.Contains(result.Check.Diagnostics, d => d.Message == "data.bin Found data.bin 3");
    }

    [Fact]
    public async Task Parallel_hashing_hands_the_collected_values_over_in_path_order()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"f{(i * 7) % 40:D2}.ref").ToList();
        foreach (var name in names)
        {
            this.temp.Write("m/" + name, "x");
        }

        var inspector = new ReferenceInspector();
        var prefix = S3Location.Parse("s3://b/m/");
        var check = ModelChecker.CheckFolder(this.temp.Combine("m"), new CheckSettings { Mode = ExtractionMode.S3PrefixNone, S3Uri = prefix, ContentInspectors = [inspector] });

        await ManifestBuilder.BuildAsync(check, prefix, this.temp.Combine("manifest.csv"), new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli) { MaxDegreeOfParallelism = 4 });

        Assert.Equal(names.Order(StringComparer.Ordinal), inspector.Received.Select(c => c.Path));
    }

    [Fact]
    public void The_tree_resolves_links_as_the_container_would_and_gives_a_hard_links_size_as_its_targets()
    {
        var archive = new TarBuilder()
            .File("weights/real.bin", "0123456789")
            .Symlink("model/out.bin", "../weights/real.bin")
            .HardLink("model/same.bin", "weights/real.bin")
            .File("model/a.ref", "out.bin")
            .File("model/b.ref", "same.bin")
            .End().ToGzip();
        File.WriteAllBytes(this.temp.Combine("m.tar.gz"), archive);
        var inspector = new ReferenceInspector();

        var check = ModelChecker.Check(this.temp.Combine("m.tar.gz"), new CheckSettings { ContentInspectors = [inspector] });

        // Reached through a link, the file really is outside model/: the aggregator sees where it lands.
        Assert.Equal(
            ["model/a.ref: out.bin Found weights/real.bin 10", "model/b.ref: same.bin Found model/same.bin 10"],
            check.Report.Diagnostics.Where(d => d.Code == "MPK4998").Select(d => $"{d.Path}: {d.Message}"));
        var tree = inspector.Tree!;
        Assert.Equal(new MaterializedEntry("model/out.bin", EntryKind.SymbolicLink, 0, "../weights/real.bin"), tree.Find("model/out.bin"));
        Assert.Equal(["a.ref", "b.ref", "out.bin", "same.bin"], tree.Children("model").Select(e => e.Name));
        Assert.Equal(LookupStatus.LeavesTheRoot, tree.Resolve("model/../../x").Status);
        Assert.Null(tree.Find("model/none"));
    }

    [Fact]
    public void A_listing_has_no_bytes_so_nothing_is_collected_but_the_aggregator_still_sees_the_tree()
    {
        var listing = this.temp.Write("list.json", """{"Contents":[{"Key":"m/a.ref","Size":7},{"Key":"m/data.bin","Size":42}]}""");
        var inspector = new ReferenceInspector();

        ModelChecker.Check(listing, new CheckSettings { S3Uri = S3Location.Parse("s3://b/m/"), ContentInspectors = [inspector] });

        Assert.Equal(1, inspector.Calls);
        Assert.Empty(inspector.Received);
        Assert.Equal(42, inspector.Tree!.Find("data.bin")!.Size);
        Assert.Equal("none", inspector.Profile);
    }

    /// <summary>
    /// Wants *.ref files, whose text names a file beside them; its aggregation step reports where each name leads.
    /// A file holding "EVIL" also gets a per-file finding, and the aggregation one summary finding without a path.
    /// </summary>
    private sealed class ReferenceInspector(string name = "reference", string aggregateCode = "MPK4998", string perFileCode = "MPK4997") : IContentInspector, IContentAggregator
    {
        private readonly DiagnosticDescriptor finding = new(aggregateCode, "Test aggregate", DiagnosticSeverity.Warning, "{0}", "A test aggregator's finding. Fix: none.");
        private readonly DiagnosticDescriptor perFile = new(perFileCode, "Test per-file", DiagnosticSeverity.Warning, "{0}", "A test scan's finding. Fix: none.");

        public int Calls { get; private set; }

        public IReadOnlyList<CollectedContent> Received { get; private set; } = [];

        public IMaterializedTree? Tree { get; private set; }

        public string? Profile { get; private set; }

        public string Name => name;

        public IContentScan? Begin(ContentSubject subject) =>
            subject.Path.EndsWith(".ref", StringComparison.Ordinal) ? new Scan(subject.Path, this.perFile) : null;

        public IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation)
        {
            this.Calls++;
            this.Received = aggregation.Collected;
            this.Tree = aggregation.Tree;
            this.Profile = aggregation.Profile;
            foreach (var (path, target) in aggregation.Of<string>())
            {
                var folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : string.Empty;
                var found = aggregation.Tree.Resolve(folder + target);
                yield return this.finding.Create(path, $"{target} {found.Status}{(found.Entry is { } e ? $" {e.Path} {e.Size}" : string.Empty)}");
            }

            if (aggregation.Collected.Any(c => (string)c.Value == "EVIL"))
            {
                yield return this.finding.Create(null, name);
            }
        }

        private sealed class Scan(string path, DiagnosticDescriptor perFile) : ICollectingScan
        {
            private readonly StringBuilder text = new();

            public object? Collected => this.text.ToString();

            public bool Append(ReadOnlySpan<byte> data)
            {
                this.text.Append(Encoding.UTF8.GetString(data));
                return true;
            }

            public IEnumerable<Diagnostic> Complete() =>
                this.text.ToString() == "EVIL" ? [perFile.Create(path, "the file holds EVIL")] : [];
        }
    }
}
