using ModelPackTools.Requests;
using static ModelPackTools.Core.Tests.Requests.SpecRequests;

namespace ModelPackTools.Core.Tests.Requests;

/// <summary>Deliberately broken specs: each API constraint kind and each documented rule, asserted by code and JSON path.</summary>
public sealed class BrokenSpecTests
{
    private const string Container = "$.InferenceSpecification.Containers[0]";

    [Fact]
    public void Valid_spec_gives_a_request_without_findings()
    {
        Assert.Empty(Diagnose(ValidMembers));
    }

    [Fact]
    public void Group_name_longer_than_the_shape_allows_is_MPK5004()
    {
        var diagnostics = Diagnose(ValidMembers.Replace("\"sample\"", "\"" + new string('a', 171) + "\"", StringComparison.Ordinal));

        Assert.Contains("MPK5004", diagnostics.At("$.ModelPackageGroupName"));
    }

    [Fact]
    public void Name_with_an_underscore_breaks_the_pattern_MPK5005()
    {
        var diagnostics = Diagnose(ValidMembers.Replace("\"sample\"", "\"my_model\"", StringComparison.Ordinal));

        Assert.Equal(["MPK5005"], diagnostics.At("$.ModelPackageGroupName"));
    }

    [Fact]
    public void Name_ending_with_a_hyphen_fails_the_look_behind_and_partial_matches_do_not_count()
    {
        Assert.Equal(["MPK5005"], Diagnose(ValidMembers.Replace("\"sample\"", "\"sample-\"", StringComparison.Ordinal)).At("$.ModelPackageGroupName"));
        Assert.Equal(["MPK5005"], Diagnose(ValidMembers.Replace("\"sample\"", "\"sample x\"", StringComparison.Ordinal)).At("$.ModelPackageGroupName"));
    }

    [Fact]
    public void Misspelled_instance_type_is_MPK5006_at_its_index()
    {
        var diagnostics = Diagnose(ValidMembers + ", \"realtimeInstanceTypes\": [\"ml.g5.xlarge\", \"ml.g5.xxlarge\"]");

        Assert.Empty(diagnostics.At("$.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes[0]"));
        Assert.Equal(["MPK5006"], diagnostics.At("$.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes[1]"));
    }

    [Fact]
    public void Approval_status_outside_the_enum_is_caught_by_the_spec_first()
    {
        var (spec, diagnostics) = ModelPackTools.Spec.SpecReader.Parse("{\"approvalStatus\": \"Approve\"}"u8, "/");

        Assert.Null(spec);
        Assert.Equal("MPK6005", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Fifty_one_tags_is_MPK5007_on_the_list()
    {
        var tags = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"k{i}\": \"v\""));

        Assert.Equal(["MPK5007"], Diagnose(ValidMembers + $", \"tags\": {{{tags}}}").At("$.Tags"));
    }

    [Fact]
    public void Fifty_one_customer_metadata_entries_is_MPK5007_on_the_map()
    {
        var entries = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"k{i}\": \"v\""));

        Assert.Equal(["MPK5007"], Diagnose(ValidMembers + $", \"customerMetadata\": {{{entries}}}").At("$.CustomerMetadataProperties"));
    }

    [Fact]
    public void Additional_data_source_without_a_channel_name_is_MPK5003()
    {
        var diagnostics = Diagnose(ValidMembers + ", \"additionalModelDataSources\": [{\"s3Uri\": \"s3://bucket/extra/\"}]");

        Assert.Equal(["MPK5003"], diagnostics.At($"{Container}.AdditionalModelDataSources[0].ChannelName"));
    }

    [Fact]
    public void Additional_prefix_with_gzip_and_without_slash_breaks_two_documented_rules()
    {
        var diagnostics = Diagnose(ValidMembers + ", \"additionalModelDataSources\": [{\"channelName\": \"extra\", \"s3Uri\": \"s3://bucket/extra\", \"compressionType\": \"Gzip\"}]");

        Assert.Equal(["MPK5103"], diagnostics.At($"{Container}.AdditionalModelDataSources[0].S3DataSource.CompressionType"));
        Assert.Equal(["MPK1007"], diagnostics.At($"{Container}.AdditionalModelDataSources[0].S3DataSource.S3Uri"));
    }

    [Fact]
    public void Environment_key_that_is_not_an_identifier_is_MPK5005_at_the_key()
    {
        Assert.Equal(["MPK5005"], Diagnose(ValidMembers + ", \"environment\": {\"1BAD\": \"x\"}").At($"{Container}.Environment.1BAD"));
    }

    [Fact]
    public void Seventeen_environment_variables_warn_and_a_hundred_and_one_break_the_shape()
    {
        static string Environment(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"\"V{i}\": \"x\""));

        Assert.Empty(Diagnose(ValidMembers + $", \"environment\": {{{Environment(16)}}}"));
        var seventeen = Diagnose(ValidMembers + $", \"environment\": {{{Environment(17)}}}");
        Assert.Equal(["MPK5104"], seventeen.At($"{Container}.Environment"));
        Assert.False(seventeen.Single().IsError);
        Assert.Equal(["MPK5007", "MPK5104"], Diagnose(ValidMembers + $", \"environment\": {{{Environment(101)}}}").At($"{Container}.Environment").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Framework_version_too_short_breaks_length_and_pattern()
    {
        Assert.Equal(["MPK5004", "MPK5005"], Diagnose(ValidMembers + ", \"frameworkVersion\": \"2\"").At($"{Container}.FrameworkVersion").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Name_and_group_together_or_neither_is_MPK5101()
    {
        Assert.Equal(["MPK5101"], Diagnose(ValidMembers + ", \"modelPackageName\": \"sample\", \"realtimeInstanceTypes\": [\"ml.m5.large\"], \"transformInstanceTypes\": [\"ml.m5.large\"]").At("$"));
        Assert.Equal(["MPK5101"], Diagnose("\"s3Uri\": \"s3://bucket/m/\"").At("$"));
    }

    [Fact]
    public void Unversioned_package_needs_both_instance_type_lists_MPK5107()
    {
        var diagnostics = Diagnose("\"modelPackageName\": \"sample\", \"s3Uri\": \"s3://bucket/m/\", \"realtimeInstanceTypes\": [\"ml.m5.large\"]");

        Assert.Equal(["MPK5107"], diagnostics.At("$.InferenceSpecification.SupportedTransformInstanceTypes"));
        Assert.Empty(diagnostics.At("$.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes"));
    }

    [Fact]
    public void Model_data_url_that_is_not_a_tar_gz_is_MPK5102()
    {
        var diagnostics = Diagnose(ValidMembers.Replace("s3://bucket/models/sample/", "s3://bucket/models/model.zip", StringComparison.Ordinal));

        Assert.Equal(["MPK5102"], diagnostics.At($"{Container}.ModelDataUrl"));
    }

    [Fact]
    public void Model_data_url_that_is_not_a_uri_breaks_the_pattern()
    {
        var diagnostics = Diagnose(ValidMembers.Replace("s3://bucket/models/sample/", "bucket/model.tar.gz", StringComparison.Ordinal));

        Assert.Equal(["MPK5005"], diagnostics.At($"{Container}.ModelDataUrl"));
    }

    [Fact]
    public void Prefix_with_marketplace_is_an_error_and_with_transform_types_a_warning()
    {
        var diagnostics = Diagnose(ValidMembers + ", \"format\": \"prefix\", \"certifyForMarketplace\": true, \"transformInstanceTypes\": [\"ml.m5.large\"]");

        Assert.Equal(["MPK5105"], diagnostics.At("$.CertifyForMarketplace"));
        Assert.Equal(["MPK5106"], diagnostics.At("$.InferenceSpecification.SupportedTransformInstanceTypes"));
        Assert.False(diagnostics.Single(d => d.Code == "MPK5106").IsError);
    }

    [Fact]
    public void Prefix_request_carries_the_manifest_and_no_model_data_url()
    {
        var spec = Read("{" + ValidMembers + ", \"format\": \"prefix\"}");
        var json = System.Text.Encoding.UTF8.GetString(RequestDocument.Create(spec, FactsFor(spec)).Json);

        Assert.Contains("\"S3DataType\": \"S3Prefix\"", json, StringComparison.Ordinal);
        Assert.Contains("\"CompressionType\": \"None\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ManifestS3Uri\": \"s3://bucket/models/sample.manifest.csv\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ModelDataUrl", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }
}
