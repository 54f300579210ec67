using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class PartSizePolicyTests
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;
    private const long TiB = 1L << 40;

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData((8 * MiB) - 1)]
    public void Aws_cli_puts_objects_under_8_MiB_in_one_request(long length) =>
        Assert.Equal(UploadPlan.SinglePut(length), PartSizePolicy.AwsCli.Resolve(length));

    [Fact]
    public void Aws_cli_uses_multipart_from_exactly_8_MiB() =>
        Assert.Equal(new UploadPlan(8 * MiB, true, 8 * MiB, 1), PartSizePolicy.AwsCli.Resolve(8 * MiB));

    [Fact]
    public void Aws_cli_keeps_8_MiB_parts_up_to_10000_parts()
    {
        Assert.Equal(new UploadPlan(100 * MiB, true, 8 * MiB, 13), PartSizePolicy.AwsCli.Resolve(100 * MiB));
        Assert.Equal(new UploadPlan(80_000 * MiB, true, 8 * MiB, 10_000), PartSizePolicy.AwsCli.Resolve(80_000 * MiB));
        Assert.Equal(16 * MiB, PartSizePolicy.AwsCli.Resolve((80_000 * MiB) + 1).PartSize);
    }

    [Fact]
    public void Aws_cli_doubles_the_part_size_for_100_GiB() =>
        Assert.Equal(new UploadPlan(100 * GiB, true, 16 * MiB, 6400), PartSizePolicy.AwsCli.Resolve(100 * GiB));

    [Fact]
    public void Aws_cli_caps_parts_at_5_GiB_and_refuses_what_still_does_not_fit()
    {
        Assert.Equal(new UploadPlan(40 * TiB, true, 5 * GiB, 8192), PartSizePolicy.AwsCli.Resolve(40 * TiB));
        var error = Assert.Throws<S3LimitException>(() => PartSizePolicy.AwsCli.Resolve(50 * TiB));
        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_puts_objects_under_16_MiB_in_one_request_and_cuts_8_MiB_parts_from_there()
    {
        Assert.False(PartSizePolicy.DotNet.Resolve((16 * MiB) - 1).IsMultipart);
        Assert.Equal(new UploadPlan(16 * MiB, true, 8 * MiB, 2), PartSizePolicy.DotNet.Resolve(16 * MiB));

        // The example: AWSSDK.S3 4.x uploads 17 MiB in three parts, where the 5 MiB rule predicted four.
        Assert.Equal(new UploadPlan(17 * MiB, true, 8 * MiB, 3), PartSizePolicy.DotNet.Resolve(17 * MiB));
        Assert.Equal(new UploadPlan(17 * MiB, true, 5 * MiB, 4), PartSizePolicy.DotNetV3.Resolve(17 * MiB));
    }

    [Theory]
    [InlineData("dotnet")]
    [InlineData("dotnet-v3")]
    public void Dotnet_spreads_100_GiB_over_10000_parts(string uploader)
    {
        var length = 100 * GiB;
        var plan = PartSizePolicy.Parse(uploader).Resolve(length);
        Assert.Equal((long)Math.Ceiling(length / 10_000.0), plan.PartSize);
        Assert.Equal(10_737_419L, plan.PartSize);
        Assert.Equal(10_000, plan.PartCount);
    }

    [Fact]
    public void Dotnet_keeps_8_MiB_parts_until_10000_of_them_are_not_enough()
    {
        Assert.Equal(8 * MiB, PartSizePolicy.DotNet.Resolve(10_000 * 8 * MiB).PartSize);
        Assert.Equal(8 * MiB + 1, PartSizePolicy.DotNet.Resolve((10_000 * 8 * MiB) + 1).PartSize);
    }

    [Fact]
    public void Single_allows_5_GiB_and_no_more()
    {
        Assert.Equal(UploadPlan.SinglePut(5 * GiB), PartSizePolicy.SinglePut.Resolve(5 * GiB));
        var error = Assert.Throws<S3LimitException>(() => PartSizePolicy.SinglePut.Resolve((5 * GiB) + 1));
        Assert.Contains("single PUT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_size_is_multipart_only_above_one_part()
    {
        var policy = PartSizePolicy.Parse("8MiB");
        Assert.Equal(UploadPlan.SinglePut(8 * MiB), policy.Resolve(8 * MiB));
        Assert.Equal(new UploadPlan((8 * MiB) + 1, true, 8 * MiB, 2), policy.Resolve((8 * MiB) + 1));
    }

    [Theory]
    [InlineData((5 * MiB) - 1)]
    [InlineData((5 * GiB) + 1)]
    [InlineData(0L)]
    public void Explicit_sizes_outside_s3_limits_are_refused(long partSize)
    {
        var error = Assert.Throws<S3LimitException>(() => PartSizePolicy.Fixed(partSize));
        Assert.Contains("5MiB to 5GiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Megabytes_are_decimal_so_5MB_is_below_the_minimum() =>
        Assert.Throws<S3LimitException>(() => PartSizePolicy.Parse("5MB"));

    [Fact]
    public void Explicit_size_refuses_more_than_10000_parts()
    {
        var error = Assert.Throws<S3LimitException>(() => PartSizePolicy.Fixed(5 * MiB).Resolve((50_000 * MiB) + 1));
        Assert.Contains("10001 parts", error.Message, StringComparison.Ordinal);
        Assert.Equal(10_000, PartSizePolicy.Fixed(5 * MiB).Resolve(50_000 * MiB).PartCount);
    }

    [Fact]
    public void Unchecked_tiny_parts_follow_the_same_rule()
    {
        var policy = PartSizePolicy.FixedUnchecked(5);
        Assert.Equal(UploadPlan.SinglePut(5), policy.Resolve(5));
        Assert.Equal(new UploadPlan(12, true, 5, 3), policy.Resolve(12));
    }

    [Fact]
    public void Presets_carry_the_checksum_s3_holds_after_that_uploader()
    {
        Assert.Equal(FingerprintKinds.Crc32Composite, PartSizePolicy.Parse("aws-cli").StoredChecksum);
        Assert.Equal(FingerprintKinds.Crc32Composite, PartSizePolicy.Parse("boto3").StoredChecksum);
        Assert.Equal(FingerprintKinds.Crc64Nvme, PartSizePolicy.Parse("aws-cli-v2").StoredChecksum);
        Assert.Equal(FingerprintKinds.Crc32, PartSizePolicy.Parse("dotnet").StoredChecksum);
        Assert.Equal(FingerprintKinds.None, PartSizePolicy.Parse("64MiB").StoredChecksum);
        Assert.Equal(PartSizePolicy.AwsCli.Resolve(17 * MiB), PartSizePolicy.AwsCliV2.Resolve(17 * MiB));
    }

    [Theory]
    [InlineData("aws-cli", "aws-cli")]
    [InlineData(" AWS-CLI ", "aws-cli")]
    [InlineData("boto3", "aws-cli")]
    [InlineData("dotnet", "dotnet")]
    [InlineData("dotnet-v3", "dotnet-v3")]
    [InlineData("aws-cli-v2", "aws-cli-v2")]
    [InlineData("single", "single")]
    [InlineData("5242880", "5MiB")]
    [InlineData("16MiB", "16MiB")]
    public void Parses_presets_and_sizes(string text, string name) => Assert.Equal(name, PartSizePolicy.Parse(text).Name);

    [Theory]
    [InlineData("")]
    [InlineData("awscli2")]
    [InlineData("8 parts")]
    public void Rejects_unknown_policies(string text) => Assert.Throws<FormatException>(() => PartSizePolicy.Parse(text));

    [Fact]
    public void Negative_lengths_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PartSizePolicy.AwsCli.Resolve(-1));
}
