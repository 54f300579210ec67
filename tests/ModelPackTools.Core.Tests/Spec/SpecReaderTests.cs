using System.Text;
using System.Text.Json;
using ModelPackTools.Diagnostics;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.Spec;

public sealed class SpecReaderTests
{
    [Fact]
    public void Unknown_key_is_MPK6002_with_path_line_and_column()
    {
        var diagnostic = Assert.Single(Errors("{\n  \"format\": \"tar.gz\",\n  \"tagz\": {}\n}"));

        Assert.Equal(("MPK6002", "$.tagz"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(new SourceLocation("modelpack.json", 3, 3), diagnostic.Location);
        Assert.DoesNotContain("line", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_names_the_known_key_it_resembles_and_the_new_name_of_a_renamed_one()
    {
        Assert.EndsWith("did you mean 'format'?", Assert.Single(Errors("{\"formt\": \"prefix\"}")).Message, StringComparison.Ordinal);
        var renamed = Assert.Single(Errors("{\"layoutProfile\": \"copy\"}"));
        Assert.Equal("MPK6002", renamed.Code);
        Assert.Contains("'layoutMode'", renamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var diagnostic = Assert.Single(Errors("{\"description\": \"\u00e9t\u00e9\", \"bogus\": 1}"));

        Assert.Equal(new SourceLocation("modelpack.json", 1, 24), diagnostic.Location);
    }

    [Fact]
    public void Wrong_types_are_MPK6003_at_the_value()
    {
        var diagnostics = Errors("{\"tags\": [\"a\"],\n\"contentTypes\": [\"a\", 1],\n\"environment\": {\"A\": true}, \"certifyForMarketplace\": \"yes\"}");

        Assert.Equal(
            [("MPK6003", "$.tags"), ("MPK6003", "$.contentTypes[1]"), ("MPK6003", "$.environment.A"), ("MPK6003", "$.certifyForMarketplace")],
            diagnostics.Select(d => (d.Code, d.Path!)).ToArray());
        Assert.Equal(2, diagnostics[1].Location!.Line);
    }

    [Fact]
    public void Nested_unknown_key_in_a_data_source_has_its_index()
    {
        var diagnostic = Assert.Single(Errors("{\"additionalModelDataSources\": [{\"channelName\": \"a\", \"s3uri\": \"s3://b/\"}]}"));

        Assert.Equal(("MPK6002", "$.additionalModelDataSources[0].s3uri"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void Invalid_values_and_conflicting_part_sizes_are_MPK6005()
    {
        Assert.Equal(["$.format"], Errors("{\"format\": \"zip\"}").Select(d => d.Path));
        Assert.Equal(["MPK6005"], Errors("{\"partSize\": \"64MiB\", \"uploader\": \"dotnet\"}").Select(d => d.Code));
        Assert.Equal(["MPK6005"], Errors("{\"partSize\": \"1KiB\"}").Select(d => d.Code));
    }

    [Fact]
    public void Prefix_format_needs_an_s3_uri()
    {
        var diagnostic = Assert.Single(Errors("{\"format\": \"prefix\",\n\"s3Uri\": \"https://bucket.s3.amazonaws.com/m/\"}"));

        Assert.Equal(("MPK6005", "$.s3Uri"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(2, diagnostic.Location!.Line);
    }

    [Fact]
    public void Duplicate_keys_are_MPK6006()
    {
        Assert.Equal(["MPK6006", "MPK6006"], Errors("{\"format\": \"prefix\", \"format\": \"tar.gz\", \"tags\": {\"a\": \"1\", \"a\": \"2\"}}").Select(d => d.Code));
    }

    [Fact]
    public void Broken_json_is_MPK6001_with_the_line()
    {
        var diagnostic = Assert.Single(Errors("{\n\"format\": \"prefix\"\n\"s3Uri\": \"s3://b/\"}"));

        Assert.Equal("MPK6001", diagnostic.Code);
        Assert.Equal(3, diagnostic.Location!.Line);
        Assert.DoesNotContain("LineNumber", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_and_defaults_apply()
    {
        var (spec, diagnostics) = SpecReader.Parse("{\n // a comment\n \"format\": \"prefix\", /* another */ \"exclude\": [\"*.tmp\",],\n}"u8, "/models");

        Assert.Empty(diagnostics);
        Assert.Equal(ArtifactFormat.Prefix, spec!.Format);
        Assert.Equal("/models", spec.SourcePath);
        Assert.Equal("aws-cli", spec.PartSizes.Name);
    }

    [Fact]
    public void Shipped_json_schema_lists_exactly_the_keys_the_reader_accepts()
    {
        using var stream = typeof(SpecReader).Assembly.GetManifestResourceStream("ModelPackTools.modelpack.schema.json")!;
        using var schema = JsonDocument.Parse(stream);
        var properties = schema.RootElement.GetProperty("properties");
        var dataSource = properties.GetProperty("additionalModelDataSources").GetProperty("items").GetProperty("properties");

        Assert.Equal(SpecFields.All.Select(f => f.Name), properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SpecFields.DataSource.Select(f => f.Name), dataSource.EnumerateObject().Select(p => p.Name));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        foreach (var field in SpecFields.All.Where(f => f.Values is not null))
        {
            Assert.Equal(field.Values!, properties.GetProperty(field.Name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        }
    }

    private static List<Diagnostics.Diagnostic> Errors(string json)
    {
        var (spec, diagnostics) = SpecReader.Parse(Encoding.UTF8.GetBytes(json), "/");
        Assert.Null(spec);
        return diagnostics.ToList();
    }
}
