using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Sources;

public class ListingSourceTests
{
    private const string Page1 = """
        {
            "Contents": [
                { "Key": "models/m/1/config.json", "LastModified": "2026-01-01T00:00:00Z", "ETag": "\"0123456789abcdef0123456789abcdef\"", "Size": 120, "StorageClass": "STANDARD" },
                { "Key": "models/m/1/weights/", "Size": 0 }
            ],
            "Prefix": "models/m/1/",
            "KeyCount": 2
        }
        """;

    private const string Page2 = """
        {"Contents":[{"Key":"models/m/1/weights/part1","Size":5242880,"ETag":"\"aaaabbbbccccddddeeeeffff00001111-2\""}],"Prefix":"models/m/1/"}
        """;

    [Fact]
    public void List_objects_json_strips_the_prefix_and_keeps_sizes_and_etags()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("listing.json", Page1);

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions { S3Uri = S3.S3Location.Parse("s3://bucket/models/m/1/") });

        Assert.Equal(SourceKind.Listing, tree.SourceKind);
        Assert.Equal(["config.json", "weights/"], tree.Entries.Select(e => e.Path));
        Assert.Equal(120, tree.Entries[0].Size);
        Assert.Equal("0123456789abcdef0123456789abcdef", tree.Entries[0].ETag);
    }

    [Fact]
    public void Concatenated_pages_are_read_as_one_listing_and_the_listed_prefix_is_used_without_a_uri()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("pages.json", Page1 + "\n" + Page2);

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions());
        var report = ExtractionSimulator.Simulate(tree, new SimulationOptions { Mode = ExtractionMode.S3PrefixNone });

        Assert.Equal(["config.json", "weights/", "weights/part1"], tree.Entries.Select(e => e.Path));
        Assert.Equal(["MPK1006"], report.Codes());
    }

    [Fact]
    public void Keys_outside_the_given_prefix_are_reported()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("listing.json", Page1);

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions { S3Uri = S3.S3Location.Parse("s3://bucket/models/m/1/weights/") });

        Assert.Equal(["MPK1013"], tree.SourceDiagnostics.Select(d => d.Code));
        Assert.Single(tree.Entries);
    }

    [Fact]
    public void Broken_json_is_an_input_error_naming_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.json", "{\n \"Contents\": [ {\"Key\": \"a\", \"Size\": oops } ]\n}");

        var e = Assert.Throws<ModelPackException>(() => ModelSourceReader.Read(path, new ModelSourceOptions()));
        Assert.Contains("broken.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inventory_csv_without_header_decodes_keys_and_finds_size_and_etag()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("inventory.csv", """
            "bucket","models%2Fm%2F1%2Fmy+weights.bin","1048576","2026-01-01T00:00:00.000Z","0123456789abcdef0123456789abcdef","STANDARD"
            "bucket","models%2Fm%2F1%2Fconfig.json","99","2026-01-01T00:00:00.000Z","fedcba9876543210fedcba9876543210","STANDARD"
            """);

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions { S3Uri = S3.S3Location.Parse("s3://bucket/models/m/1/") });

        Assert.Equal(["my weights.bin", "config.json"], tree.Entries.Select(e => e.Path));
        Assert.Equal([1048576L, 99L], tree.Entries.Select(e => e.Size));
        Assert.Equal("fedcba9876543210fedcba9876543210", tree.Entries[1].ETag);
    }

    [Fact]
    public void Inventory_csv_with_a_header_skips_old_versions_and_delete_markers()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("inventory.csv", """
            Bucket,Key,VersionId,IsLatest,IsDeleteMarker,Size
            bucket,p%2Fa.bin,v2,true,false,10
            bucket,p%2Fa.bin,v1,false,false,9
            bucket,p%2Fgone.bin,v3,true,true,0
            """);

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions { S3Uri = S3.S3Location.Parse("s3://bucket/p/") });

        var entry = Assert.Single(tree.Entries);
        Assert.Equal("a.bin", entry.Path);
        Assert.Equal(10, entry.Size);
    }

    [Fact]
    public void Key_list_reads_bare_keys_uris_and_aws_s3_ls_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("keys.txt", "p/a.bin\r\ns3://bucket/p/b.bin\n2026-01-01 10:00:00       1234 p/c d.bin\n\n");

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions { S3Uri = S3.S3Location.Parse("s3://bucket/p/") });

        Assert.Equal(["a.bin", "b.bin", "c d.bin"], tree.Entries.Select(e => e.Path));
        Assert.Equal([-1L, -1L, 1234L], tree.Entries.Select(e => e.Size));
    }

    [Fact]
    public void Archive_is_recognised_by_its_bytes_whatever_its_name()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("model.bin");
        File.WriteAllBytes(path, new TarBuilder().File("model.pth").End().ToGzip());

        var tree = ModelSourceReader.Read(path, new ModelSourceOptions());

        Assert.Equal(SourceKind.Archive, tree.SourceKind);
        Assert.True(tree.IsGzipCompressed);
    }

    [Fact]
    public void Live_s3_uri_input_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ModelPackException>(() => ModelSourceReader.Read("s3://bucket/p/", new ModelSourceOptions()));
        Assert.Contains("list-objects-v2", e.Message, StringComparison.Ordinal);
    }
}
