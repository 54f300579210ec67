using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.S3;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Engine;

/// <summary>
/// A listing whose S3 URI is one of its own objects (issue 10, item 1): with S3Object+None that object is one file named
/// after its key's last part, not an empty prefix.
/// </summary>
public class ObjectListingTests
{
    private const string Listing = """
        {"Contents":[
          {"Key":"models/m/model.safetensors","Size":4096,"ETag":"\"0123456789abcdef0123456789abcdef\""}
        ]}
        """;

    private static ModelCheck Check(string listing, string uri, ExtractionMode? mode)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("listing.json", listing);
        return ModelChecker.Check(path, new CheckSettings { Mode = mode, S3Uri = S3Location.Parse(uri) });
    }

    [Fact]
    public void A_one_key_listing_at_the_objects_own_uri_is_one_file()
    {
        var check = Check(Listing, "s3://bkt/models/m/model.safetensors", ExtractionMode.S3ObjectNone);

        Assert.Empty(check.Report.Diagnostics);
        Assert.Equal(1, check.Report.FileCount);
        Assert.Equal(4096, check.Report.TotalBytes);
        var entry = Assert.Single(check.Tree.Entries);
        Assert.Equal("model.safetensors", entry.Path);
        Assert.Equal("0123456789abcdef0123456789abcdef", entry.ETag);
    }

    [Fact]
    public void Only_the_named_object_counts_when_the_listing_holds_more()
    {
        const string listing = """
            {"Contents":[
              {"Key":"models/m/config.json","Size":10},
              {"Key":"models/m/model.safetensors","Size":4096},
              {"Key":"models/m/model.safetensors.bak","Size":4096}
            ]}
            """;

        var check = Check(listing, "s3://bkt/models/m/model.safetensors", ExtractionMode.S3ObjectNone);

        Assert.Empty(check.Report.Diagnostics);
        Assert.Equal("model.safetensors", Assert.Single(check.Tree.Entries).Path);
    }

    [Fact]
    public void A_tar_gz_object_is_one_file_and_the_message_says_so()
    {
        const string listing = """{"Contents":[{"Key":"m/model.tar.gz","Size":4096}]}""";

        var check = Check(listing, "s3://bkt/m/model.tar.gz", ExtractionMode.S3ObjectNone);

        Assert.Equal(["MPK3010"], check.Report.Codes());
        Assert.Equal("model.tar.gz", check.Report.Diagnostics[0].Path);
        Assert.Equal(1, check.Report.FileCount);
    }

    [Fact]
    public void Read_as_a_prefix_the_finding_says_the_uri_is_an_object_not_a_neighbour()
    {
        var check = Check(Listing, "s3://bkt/models/m/model.safetensors", mode: null);

        var diagnostic = Assert.Single(check.Report.Diagnostics);
        Assert.Equal("MPK1007", diagnostic.Code);
        Assert.Contains("s3://bkt/models/m/model.safetensors is itself an object", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("one file, 'model.safetensors'", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other prefixes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_model_file_that_lists_no_such_key_is_still_the_object_itself()
    {
        const string config = """{"architectures":["LlamaForCausalLM"],"hidden_size":4096}""";

        var check = Check(config, "s3://bkt/models/m/config.json", ExtractionMode.S3ObjectNone);

        Assert.Empty(check.Report.Diagnostics);
        Assert.Equal(config.Length, check.Report.TotalBytes);
        Assert.Equal("config.json", Assert.Single(check.Tree.Entries).Path);
    }
}
