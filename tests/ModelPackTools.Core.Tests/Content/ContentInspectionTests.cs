using System.Collections.Concurrent;
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
/// The content-inspection port is fed by every read path, each file's bytes once and in order: a folder check, the
/// archive reader's member data, pack's copy and the manifest's hashing. A finding with errors refuses the output.
/// </summary>
public sealed class ContentInspectionTests : IDisposable
{
    private static readonly DiagnosticDescriptor Finding = new("MPK4999", "Test finding", DiagnosticSeverity.Error, "{0}", "A test inspector's finding. Fix: none.");

    private readonly TempDirectory temp = new();

    public ContentInspectionTests()
    {
        this.temp.Write("m/model.pkl", "header EVIL payload");
        this.temp.Write("m/config.json", "{}");
    }

    private string Model => this.temp.Combine("m");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public void A_folder_check_reads_the_files_an_inspector_wants()
    {
        var inspector = new MarkerInspector();

        var check = ModelChecker.Check(this.Model, new CheckSettings { ContentInspectors = [inspector] });

        Assert.Equal(["MPK4999"], check.Report.Diagnostics.Select(d => d.Code));
        Assert.Equal("model.pkl", check.Report.Diagnostics[0].Path);
        Assert.Equal("header EVIL payload", inspector.Seen["model.pkl"]);
        Assert.False(inspector.Seen.ContainsKey("config.json"));
    }

    [Fact]
    public void The_archive_reader_hands_member_data_to_the_inspector()
    {
        var archive = this.temp.Combine("m.tar.gz");
        Writers.Pack(this.Model, archive, new PackOptions());
        var inspector = new MarkerInspector();

        var check = ModelChecker.Check(archive, new CheckSettings { ContentInspectors = [inspector] });

        Assert.Equal(["MPK4999"], check.Report.Diagnostics.Select(d => d.Code));
        Assert.Equal("header EVIL payload", inspector.Seen["model.pkl"]);
    }

    [Fact]
    public void Pack_feeds_the_inspector_from_its_copy_and_refuses_an_archive_with_content_errors()
    {
        var inspector = new MarkerInspector();
        var check = ModelChecker.CheckFolder(this.Model, new CheckSettings { ContentInspectors = [inspector] });
        Assert.True(check.ContentPending);
        Assert.Empty(inspector.Seen);

        var result = ModelPacker.Pack(check, this.temp.Combine("m.tar.gz"), new PackOptions());

        Assert.False(result.Written);
        Assert.Equal(["MPK4999"], result.Check.Diagnostics.Select(d => d.Code));
        Assert.Equal("header EVIL payload", inspector.Seen["model.pkl"]);
        Assert.Equal(1, inspector.Scans["model.pkl"]);
        Assert.False(File.Exists(this.temp.Combine("m.tar.gz")));
        Assert.Equal(["m"], Directory.GetFileSystemEntries(this.temp.Path).Select(Path.GetFileName)); // no staging file left
    }

    [Fact]
    public async Task Manifest_hashing_feeds_the_inspector_and_refuses_with_content_errors()
    {
        var inspector = new MarkerInspector();
        var prefix = S3Location.Parse("s3://b/m/");
        var check = ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3PrefixNone, S3Uri = prefix, ContentInspectors = [inspector] });

        var result = await ManifestBuilder.BuildAsync(check, prefix, this.temp.Combine("manifest.csv"), new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli) { MaxDegreeOfParallelism = 2 });

        Assert.False(result.Written);
        Assert.Equal(["MPK4999"], result.Check.Diagnostics.Select(d => d.Code));
        Assert.Equal("header EVIL payload", inspector.Seen["model.pkl"]);
        Assert.False(File.Exists(this.temp.Combine("manifest.csv")));
    }

    [Fact]
    public async Task Clean_content_is_written_with_the_same_etags_as_without_inspection()
    {
        this.temp.Write("m/model.pkl", new string('x', 3 << 20));
        var prefix = S3Location.Parse("s3://b/m/");
        var options = new FingerprintOptions(FingerprintKinds.ETag | FingerprintKinds.Sha256, PartSizePolicy.FixedUnchecked(1 << 20));
        var plain = await Writers.ManifestAsync(this.Model, prefix.ToString(), this.temp.Combine("plain.csv"), options);
        var inspector = new MarkerInspector();
        var check = ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3PrefixNone, S3Uri = prefix, ContentInspectors = [inspector] });

        var inspected = await ManifestBuilder.BuildAsync(check, prefix, this.temp.Combine("inspected.csv"), options);

        Assert.True(inspected.Written);
        Assert.Equal(3 << 20, inspector.Seen["model.pkl"].Length);
        Assert.Equal(plain.Rows, inspected.Rows);
    }

    /// <summary>Wants *.pkl files, keeps what it saw, and reports MPK4999 for one that holds "EVIL".</summary>
    private sealed class MarkerInspector : IContentInspector
    {
        public ConcurrentDictionary<string, string> Seen { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, int> Scans { get; } = new(StringComparer.Ordinal);

        public string Name => "marker";

        public IContentScan? Begin(ContentSubject subject)
        {
            if (!subject.Path.EndsWith(".pkl", StringComparison.Ordinal))
            {
                return null;
            }

            this.Scans.AddOrUpdate(subject.Path, 1, (_, n) => n + 1);
            return new Scan(this, subject);
        }

        private sealed class Scan(MarkerInspector owner, ContentSubject subject) : IContentScan
        {
            private readonly StringBuilder text = new();

            public bool Append(ReadOnlySpan<byte> data)
            {
                this.text.Append(Encoding.UTF8.GetString(data));
                return true;
            }

            public IEnumerable<Diagnostic> Complete()
            {
                owner.Seen[subject.Path] = this.text.ToString();
                return this.text.ToString().Contains("EVIL", StringComparison.Ordinal) ? [Finding.Create(subject.Path, "the file holds EVIL")] : [];
            }
        }
    }
}
