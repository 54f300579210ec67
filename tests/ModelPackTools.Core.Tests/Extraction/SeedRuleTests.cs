using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Extraction;

/// <summary>The ModelDataSource rules for CompressionType=None, as the SageMaker documentation states them.</summary>
public class SeedRuleTests
{
    [Fact]
    public void Clean_prefix_has_no_findings()
    {
        var report = CheckKeys("config.json", "weights/part1", "weights/part2", "code/inference.py");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(4, report.FileCount);
    }

    [Theory]
    [InlineData("a//b.bin")]
    [InlineData("/leading-slash.bin")]
    [InlineData("dir/ /file.bin")]
    [InlineData("   ")]
    public void Empty_or_blank_component_is_an_error(string key)
    {
        Assert.Contains("MPK1001", CheckKeys(key).CodesFor(key));
    }

    [Fact]
    public void Nul_in_a_key_is_an_error()
    {
        Assert.Contains("MPK1002", CheckKeys("model\0.bin").Codes());
    }

    [Fact]
    public void Component_over_255_utf8_bytes_is_an_error_even_when_under_255_chars()
    {
        var cjk = new string('\u6A21', 86); // 86 chars, 258 UTF-8 bytes
        var ascii255 = new string('a', 255);

        Assert.Contains("MPK1003", CheckKeys($"dir/{cjk}").Codes());
        Assert.DoesNotContain("MPK1003", CheckKeys($"dir/{ascii255}").Codes());
        Assert.Contains("MPK1003", CheckKeys($"dir/{ascii255}a").Codes());
    }

    [Theory]
    [InlineData("./weights.bin", ".")]
    [InlineData("a/./b.bin", ".")]
    [InlineData("a/../b.bin", "..")]
    [InlineData("..", "..")]
    public void Dot_and_dot_dot_components_are_errors(string key, string part)
    {
        var diagnostic = Assert.Single(CheckKeys(key).Diagnostics, d => d.Code == "MPK1004");
        Assert.Contains($"'{part}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_then_directory_of_the_same_name_clash()
    {
        var report = CheckKeys("weights", "weights/part1");

        Assert.Equal(["MPK1005"], report.Codes());
        Assert.Equal("weights/part1", report.Diagnostics[0].Path);
    }

    [Fact]
    public void Directory_then_file_of_the_same_name_clash()
    {
        var report = CheckKeys("config.json", "weights/part1", "weights");

        Assert.Equal(["MPK1005"], report.Codes());
        Assert.Equal("weights", report.Diagnostics[0].Path);
    }

    [Fact]
    public void Clash_deep_in_the_tree_is_found()
    {
        Assert.Equal(["MPK1005"], CheckKeys("config.json", "a/b/c", "a/b/c/d/e.bin").Codes());
    }

    [Fact]
    public void Zero_byte_folder_marker_is_an_error()
    {
        var report = CheckKeys("config.json", "weights/", "weights/part1");

        Assert.Equal(["MPK1006"], report.Codes());
        Assert.Equal("weights/", report.Diagnostics[0].Path);
    }

    [Fact]
    public void Prefix_uri_without_trailing_slash_is_an_error()
    {
        Assert.Contains("MPK1007", CheckListing("s3://bucket/models/m1", File("config.json")).Codes());
        Assert.DoesNotContain("MPK1007", CheckListing("s3://bucket/models/m1/", File("config.json")).Codes());
    }

    [Fact]
    public void Key_over_1024_bytes_counts_the_prefix()
    {
        var prefix = "s3://bucket/" + new string('p', 100) + "/";
        var path = string.Join('/', Enumerable.Repeat(new string('d', 200), 4)) + "/" + new string('f', 120); // 924 bytes

        Assert.DoesNotContain("MPK1008", CheckListing(null, File(path)).Codes());
        Assert.Contains("MPK1008", CheckListing(prefix, File(path)).Codes());
    }

    [Fact]
    public void Listing_with_no_objects_has_no_files()
    {
        Assert.Equal(["MPK1011"], CheckKeys().Codes());
    }

    [Fact]
    public void Names_differing_only_in_unicode_normalisation_are_an_error()
    {
        var report = CheckKeys("caf\u00e9.json", "cafe\u0301.json");

        Assert.Equal(["MPK1009"], report.Codes());
    }

    [Fact]
    public void Names_differing_only_in_case_are_a_warning()
    {
        var report = CheckKeys("Model.bin", "model.bin");

        Assert.Equal(["MPK3001"], report.Codes());
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void S3Object_without_compression_takes_only_the_last_key_part_as_the_name()
    {
        var one = CheckEntries(SourceKind.Listing, ExtractionMode.S3ObjectNone, File("models/v1/../model.onnx"));
        var two = CheckEntries(SourceKind.Listing, ExtractionMode.S3ObjectNone, File("a.onnx"), File("b.onnx"));

        Assert.Empty(one.Diagnostics);
        Assert.Equal(["MPK1014"], two.Codes());
    }

    [Fact]
    public void Empty_directory_vanishes_under_S3Prefix()
    {
        var report = CheckEntries(SourceKind.Directory, ExtractionMode.S3PrefixNone, Directory("empty"), Directory("full"), File("full/a.bin"));

        Assert.Equal(["MPK3006"], report.Codes());
        Assert.Equal("empty", report.Diagnostics[0].Path);
    }
}
