using ModelPackTools.Archives;
using ModelPackTools.Build;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.Build;

public sealed class BuildPipelineTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task Without_a_spec_the_folder_is_packed_and_an_out_folder_inside_it_is_left_out()
    {
        this.temp.Write("model/weights.bin", "weights");
        this.temp.Write("model/code/inference.py", "print(1)");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Combine("model") };
        var output = this.temp.Combine("model/out");

        var first = await BuildPipeline.RunAsync(spec, output, Writers.Build);
        var second = await BuildPipeline.RunAsync(spec, output, Writers.Build);

        Assert.False(second.HasErrors, string.Join("\n", second.Diagnostics));
        Assert.Equal(["code/", "code/inference.py", "weights.bin"], Members(Path.Combine(output, "model.tar.gz")));
        Assert.Equal(first.Facts!.ModelDataETag, second.Facts!.ModelDataETag);
        Assert.Null(second.RequestPath);
        Assert.Contains("s3Uri", second.Note, StringComparison.Ordinal);
        Assert.Equal(["facts.json", "model.tar.gz", "report.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_output_folder_given_with_a_trailing_slash_is_the_same_folder()
    {
        this.temp.Write("m/weights.bin", "weights");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out") + Path.DirectorySeparatorChar, Writers.Build);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(this.temp.Combine("out"), result.OutputDirectory);
        Assert.True(File.Exists(this.temp.Combine("out/model.tar.gz")));
        Assert.Equal(["m", "out"], Directory.GetFileSystemEntries(this.temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Include_and_exclude_globs_choose_the_packed_files()
    {
        this.temp.Write("m/weights/a.bin");
        this.temp.Write("m/weights/b.tmp");
        this.temp.Write("m/notes/readme.md");
        this.temp.Write("m/config.json");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m", Include = ["weights/**", "*.json"], Exclude = ["*.tmp"] };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.False(result.HasErrors);
        Assert.Equal(["config.json", "weights/", "weights/a.bin"], Members(this.temp.Combine("out/model.tar.gz")));
    }

    [Fact]
    public async Task A_model_with_errors_leaves_only_the_report()
    {
        Directory.CreateDirectory(this.temp.Combine("empty"));
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "empty", S3Uri = "s3://b/m/" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == "MPK1011");
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(this.temp.Combine("out")).Select(Path.GetFileName));
        Assert.Contains("\"MPK1011\"", File.ReadAllText(this.temp.Combine("out/report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_request_is_not_written_and_fails_the_build()
    {
        this.temp.Write("m/weights.bin");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m", S3Uri = "s3://b/m/", ModelPackageGroupName = "bad_name" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == "MPK5005" && d.Path == "$.ModelPackageGroupName");
        Assert.False(File.Exists(this.temp.Combine("out/create-model-package.json")));
        Assert.False(File.Exists(this.temp.Combine("out/model.tar.gz")));
    }

    [Fact]
    public async Task Prefix_format_writes_layout_manifest_and_a_request_with_the_manifest_etag()
    {
        this.temp.Write("m/weights.bin", "weights");
        this.temp.Write("m/code/inference.py");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m", Format = ArtifactFormat.Prefix, S3Uri = "s3://b/models/m/", ModelPackageGroupName = "g" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var manifest = File.ReadAllBytes(this.temp.Combine("out/manifest.csv"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(manifest)), result.Facts!.ManifestEtag);
        Assert.Equal("s3://b/models/m.manifest.csv", result.Facts.ManifestS3Uri);
        Assert.True(File.Exists(this.temp.Combine("out/model/code/inference.py")));
        Assert.Contains(result.Facts.ManifestEtag!, File.ReadAllText(this.temp.Combine("out/create-model-package.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_spec_its_schema_and_an_earlier_builds_output_are_left_out_and_counted()
    {
        this.temp.Write("m/weights.bin");
        var specPath = this.temp.Write("m/modelpack.json", "{}");
        this.temp.Write("m/modelpack.schema.json", "{}");
        var (spec, _) = SpecReader.Read(specPath);
        var first = await BuildPipeline.RunAsync(spec!, this.temp.Combine("m/out"), Writers.Build);

        var second = await BuildPipeline.RunAsync(spec!, this.temp.Combine("m/other"), Writers.Build);

        Assert.False(second.HasErrors);
        Assert.Equal(["weights.bin"], Members(this.temp.Combine("m/other/model.tar.gz")));
        Assert.Equal(
            [("modelpack.json", BuildExclusions.SpecReason), ("modelpack.schema.json", BuildExclusions.SpecReason), ("out", BuildExclusions.EarlierBuildReason)],
            second.Excluded.Select(e => (e.Path, e.Reason)));
        Assert.Equal(2, first.Excluded.Count);
        Assert.Contains("\"excluded\"", File.ReadAllText(this.temp.Combine("m/other/report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_only_looks_like_an_earlier_build_is_packed()
    {
        this.temp.Write("m/weights.bin");
        this.temp.Write("m/data/report.json", "{\"tool\": \"someone-else\"}");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.Equal(["data/", "data/report.json", "weights.bin"], Members(this.temp.Combine("out/model.tar.gz")));
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public async Task A_request_finding_points_at_the_spec_key_and_says_in_words_what_it_may_hold()
    {
        this.temp.Write("m/weights.bin");
        var specPath = this.temp.Write("spec.json", "{\n  \"source\": \"m\",\n  \"s3Uri\": \"s3://b/m/\",\n    \"modelPackageGroupName\": \"bad_name\"\n}");
        var (spec, _) = SpecReader.Read(specPath);

        var result = await BuildPipeline.RunAsync(spec!, this.temp.Combine("out"), Writers.Build);

        var finding = Assert.Single(result.Diagnostics, d => d.Code == "MPK5005");
        Assert.Equal("$.ModelPackageGroupName", finding.Path);
        Assert.Equal(new Diagnostics.SourceLocation(specPath, 4, 5), finding.Location);
        Assert.Contains("1 to 63 letters", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArtifactFormat.TarGz, null)]
    [InlineData(ArtifactFormat.Prefix, "s3://b/models/m/")]
    [InlineData(ArtifactFormat.Prefix, null)]
    public async Task Report_json_holds_the_content_coverage_of_check_under_the_same_names(ArtifactFormat format, string? s3Uri)
    {
        // pickle.dumps({}, 0): MARK, DICT, PUT, STOP, a pickle the scan reads and passes; config.json is no scanner's format.
        this.temp.Write("m/model.pkl", "(dp0\n.");
        this.temp.Write("m/config.json", "{}");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m", Format = format, S3Uri = s3Uri, ModelPackageGroupName = "g" };

        var result = await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(this.temp.Combine("out/report.json")));
        var content = report.RootElement.GetProperty("content");
        Assert.Equal(2, content.GetProperty("filesOffered").GetInt32());
        Assert.Equal(["config.json"], content.GetProperty("notScanned").EnumerateArray().Select(e => e.GetString()));
        var pickle = Assert.Single(content.GetProperty("scanners").EnumerateArray(), s => s.GetProperty("name").GetString() == "pickle");
        Assert.Equal(1, pickle.GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task Report_json_content_is_null_when_the_scan_is_off()
    {
        this.temp.Write("m/model.pkl", "(dp0\n.");
        var spec = new ModelPackSpec { BaseDirectory = this.temp.Path, Source = "m" };

        await BuildPipeline.RunAsync(spec, this.temp.Combine("out"), Writers.Build, new ModelPackTools.Extraction.CheckSettings { ContentInspectors = [] });

        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(this.temp.Combine("out/report.json")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.RootElement.GetProperty("content").ValueKind);
    }

    private static List<string> Members(string archive)
    {
        using var stream = File.OpenRead(archive);
        return TarArchiveReader.Read(stream, archive, new ArchiveReadOptions()).Entries.Select(e => e.Kind == Trees.EntryKind.Directory ? e.Path.TrimEnd('/') + "/" : e.Path).ToList();
    }
}
