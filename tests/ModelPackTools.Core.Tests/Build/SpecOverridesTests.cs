using ModelPackTools.Build;
using ModelPackTools.Diagnostics;
using ModelPackTools.Spec;

namespace ModelPackTools.Core.Tests.Build;

/// <summary>Values a front-end sets over the spec's (the MSBuild properties), parsed once in the engine.</summary>
public class SpecOverridesTests
{
    private static readonly ModelPackSpec Spec = new() { S3Uri = "s3://bucket/models/a/model.tar.gz" };

    [Fact]
    public void Nothing_set_keeps_the_spec()
    {
        Assert.True(new SpecOverrides().TryApply(Spec, out var result, out var problems));
        Assert.Same(Spec, result);
        Assert.Empty(problems);
    }

    [Fact]
    public void Set_values_win_over_the_spec()
    {
        var overrides = new SpecOverrides { Format = "prefix", S3Uri = "s3://bucket/models/a/", Uploader = "dotnet" };

        Assert.True(overrides.TryApply(Spec, out var result, out _));

        Assert.Equal((ArtifactFormat.Prefix, "s3://bucket/models/a/", "dotnet"), (result.Format, result.S3Uri, result.PartSizes.Name));
    }

    [Fact]
    public void Every_bad_value_is_an_MPK9004_naming_its_setting()
    {
        var overrides = new SpecOverrides { Format = "zip", S3Uri = "https://bucket/a", PartSize = "8MiB", Uploader = "boto3" };

        Assert.False(overrides.TryApply(Spec, out var result, out var problems));

        Assert.Same(Spec, result);
        Assert.All(problems, p => Assert.Equal("MPK9004", p.Code));
        Assert.Equal([SettingNames.ArtifactFormat, SettingNames.S3Uri, SettingNames.PartSize], problems.Select(p => p.Setting));
        Assert.Contains("'zip'", problems[0].Message, StringComparison.Ordinal);
    }
}
