using System.Text;
using ModelPackTools.Requests;

namespace ModelPackTools.Core.Tests.Requests;

/// <summary>The generic walker on hand-written requests: what a spec cannot produce (unknown members, wrong types, numbers).</summary>
public sealed class ShapeValidatorTests
{
    private const string Minimal = """
        {"ModelPackageGroupName": "g", "InferenceSpecification": {"Containers": [{"Image": "i", "ModelDataUrl": "s3://b/m.tar.gz"}]}
        """;

    [Fact]
    public void Minimal_request_is_valid()
    {
        Assert.Empty(Validate(Minimal + "}"));
    }

    [Fact]
    public void Unknown_member_is_MPK5002_at_its_path()
    {
        var diagnostics = Validate(Minimal.Replace("\"Image\"", "\"Imag\": \"x\", \"Image\"", StringComparison.Ordinal) + "}");

        Assert.Equal(["MPK5002"], diagnostics.At("$.InferenceSpecification.Containers[0].Imag"));
    }

    [Fact]
    public void Wrong_json_type_is_MPK5001()
    {
        Assert.Equal(["MPK5001"], Validate(Minimal + ", \"Tags\": {\"a\": \"b\"}}").At("$.Tags"));
        Assert.Equal(["MPK5001"], Validate(Minimal + ", \"CertifyForMarketplace\": \"yes\"}").At("$.CertifyForMarketplace"));
    }

    [Fact]
    public void Missing_required_member_is_MPK5003()
    {
        Assert.Equal(["MPK5003"], Validate("{\"ModelPackageGroupName\": \"g\", \"InferenceSpecification\": {}}").At("$.InferenceSpecification.Containers"));
        Assert.Equal(["MPK5003"], Validate(Minimal + ", \"Tags\": [{\"Key\": \"k\"}]}").At("$.Tags[0].Value"));
    }

    [Fact]
    public void Empty_container_list_is_MPK5007()
    {
        Assert.Equal(["MPK5007"], Validate("{\"ModelPackageGroupName\": \"g\", \"InferenceSpecification\": {\"Containers\": []}}").At("$.InferenceSpecification.Containers"));
    }

    [Fact]
    public void Number_below_the_minimum_is_MPK5008_and_a_fraction_is_MPK5001()
    {
        const string Transform = """
            , "ValidationSpecification": {"ValidationRole": "arn:aws:iam::123456789012:role/r", "ValidationProfiles": [{"ProfileName": "p",
              "TransformJobDefinition": {"TransformInput": {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in/"}}},
              "TransformOutput": {"S3OutputPath": "s3://b/out/"}, "TransformResources": {"InstanceType": "ml.m5.large", "InstanceCount": COUNT}}}]}}
            """;
        const string Path = "$.ValidationSpecification.ValidationProfiles[0].TransformJobDefinition.TransformResources.InstanceCount";

        Assert.Empty(Validate(Minimal + Transform.Replace("COUNT", "1", StringComparison.Ordinal)));
        Assert.Equal(["MPK5008"], Validate(Minimal + Transform.Replace("COUNT", "0", StringComparison.Ordinal)).At(Path));
        Assert.Equal(["MPK5001"], Validate(Minimal + Transform.Replace("COUNT", "1.5", StringComparison.Ordinal)).At(Path));
    }

    [Fact]
    public void Both_model_data_url_and_source_is_MPK5108()
    {
        var request = Minimal.Replace("\"Image\": \"i\"", "\"Image\": \"i\", \"ModelDataSource\": {\"S3DataSource\": {\"S3Uri\": \"s3://b/p/\", \"S3DataType\": \"S3Prefix\", \"CompressionType\": \"None\"}}", StringComparison.Ordinal);

        Assert.Equal(["MPK5108"], Validate(request + "}").At("$.InferenceSpecification.Containers[0]"));
    }

    [Fact]
    public void Manifest_etag_without_manifest_and_eula_false_are_reported()
    {
        var request = """
            {"ModelPackageGroupName": "g", "InferenceSpecification": {"Containers": [{"ModelDataSource": {"S3DataSource":
              {"S3Uri": "s3://b/p/", "S3DataType": "S3Prefix", "CompressionType": "None", "ManifestEtag": "abc",
               "ModelAccessConfig": {"AcceptEula": false}}}}]}}
            """;
        var diagnostics = Validate(request);
        const string Source = "$.InferenceSpecification.Containers[0].ModelDataSource.S3DataSource";

        Assert.Equal(["MPK5109"], diagnostics.At($"{Source}.ManifestEtag"));
        Assert.Equal(["MPK5110"], diagnostics.At($"{Source}.ModelAccessConfig.AcceptEula"));
    }

    [Fact]
    public void Map_keys_with_odd_characters_get_a_bracketed_path()
    {
        var diagnostics = Validate(Minimal.Replace("\"Image\": \"i\"", "\"Image\": \"i\", \"Environment\": {\"my var\": \"x\"}", StringComparison.Ordinal) + "}");

        Assert.Equal(["MPK5005"], diagnostics.At("$.InferenceSpecification.Containers[0].Environment[\"my var\"]"));
    }

    private static IReadOnlyList<Diagnostics.Diagnostic> Validate(string json) => RequestValidator.Validate(Encoding.UTF8.GetBytes(json));
}
