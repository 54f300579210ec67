using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Options;
using ModelPackTools.Packing;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Options;

/// <summary>Option values arrive as text from every front-end; each parser gives the value or one MPK9004 naming its setting.</summary>
public sealed class OptionValuesTests
{
    [Theory]
    [InlineData(null, 6)]
    [InlineData("", 6)]
    [InlineData("0", 0)]
    [InlineData("9", 9)]
    public void Level_defaults_to_6_and_takes_0_to_9(string? text, int expected)
    {
        Assert.True(OptionValues.TryParseLevel(text, out var level, out var problem));
        Assert.Equal((expected, null), (level, problem));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("-1")]
    [InlineData("six")]
    [InlineData(" 6")]
    public void Level_outside_0_to_9_is_MPK9004_for_the_level_setting(string text)
    {
        Assert.False(OptionValues.TryParseLevel(text, out _, out var problem));
        Assert.Equal(("MPK9004", SettingNames.Level), (problem!.Code, problem.Setting));
    }

    [Fact]
    public void Threads_default_is_the_callers_choice()
    {
        Assert.True(OptionValues.TryParseThreads(null, 3, out var threads, out _));
        Assert.Equal(3, threads);
        Assert.False(OptionValues.TryParseThreads("0", 3, out _, out var problem));
        Assert.Equal(SettingNames.Threads, problem!.Setting);
    }

    [Theory]
    [InlineData(null, PackOptions.DefaultModificationTime)]
    [InlineData("0", 0L)]
    [InlineData("8589934591", 0x1FFFFFFFFL)]
    public void Source_date_epoch_fits_tar_octal_field(string? text, long expected)
    {
        Assert.True(OptionValues.TryParseSourceDateEpoch(text, out var mtime, out _));
        Assert.Equal(expected, mtime);
    }

    [Theory]
    [InlineData("8589934592")]
    [InlineData("-5")]
    [InlineData("yesterday")]
    public void Source_date_epoch_past_tar_limit_is_refused(string text)
    {
        Assert.False(OptionValues.TryParseSourceDateEpoch(text, out _, out var problem));
        Assert.Equal(SettingNames.SourceDateEpoch, problem!.Setting);
    }

    [Fact]
    public void Part_sizes_come_from_a_size_or_an_uploader_not_both()
    {
        Assert.True(OptionValues.TryParsePartSizes("64MiB", null, out var fixedSize, out _));
        Assert.Equal(64L << 20, fixedSize.PartSize);
        Assert.True(OptionValues.TryParsePartSizes(null, "dotnet", out var dotnet, out _));
        Assert.Same(PartSizePolicy.DotNet, dotnet);
        Assert.True(OptionValues.TryParsePartSizes("", "", out var fallback, out _));
        Assert.Same(PartSizePolicy.AwsCli, fallback);

        Assert.False(OptionValues.TryParsePartSizes("64MiB", "dotnet", out _, out var both));
        Assert.False(OptionValues.TryParsePartSizes("aws-cli", null, out _, out var named));
        Assert.False(OptionValues.TryParsePartSizes("1MiB", null, out _, out var small));
        Assert.False(OptionValues.TryParsePartSizes(null, "s5cmd", out _, out var unknown));
        Assert.Equal(
            [SettingNames.PartSize, SettingNames.PartSize, SettingNames.PartSize, SettingNames.Uploader],
            new[] { both, named, small, unknown }.Select(p => p!.Setting));
        Assert.DoesNotContain("--", small!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksums_are_a_comma_list_with_a_default()
    {
        Assert.True(OptionValues.TryParseChecksums(null, out var kinds, out _));
        Assert.Equal(FingerprintKinds.ETag | FingerprintKinds.Crc64Nvme | FingerprintKinds.Sha256, kinds);
        Assert.True(OptionValues.TryParseChecksums("crc32, md5-hex", out kinds, out _));
        Assert.Equal(FingerprintKinds.ETag | FingerprintKinds.Crc32 | FingerprintKinds.Md5Hex, kinds);
        Assert.False(OptionValues.TryParseChecksums("crc99", out _, out var problem));
        Assert.Equal(SettingNames.Checksums, problem!.Setting);
    }

    [Fact]
    public void Modes_uris_ratios_and_layout_modes()
    {
        Assert.True(OptionValues.TryParseMode("s3prefix-none", out var mode, out _));
        Assert.Equal(ExtractionMode.S3PrefixNone, mode);
        Assert.True(OptionValues.TryParseMode("", out var none, out _));
        Assert.Null(none);
        Assert.False(OptionValues.TryParseMode("zip", out _, out _));
        Assert.False(OptionValues.TryParseS3Uri("https://b/k", SettingNames.S3Uri, out _, out _));
        Assert.False(OptionValues.TryParsePrefixUri("s3://b/k", SettingNames.S3Uri, out _, out _));
        Assert.False(OptionValues.TryParseMaxRatio("0.5", 200, out _, out _));
        Assert.True(OptionValues.TryParseLayoutMode("copy", out var layout, out _));
        Assert.Equal(LayoutMode.Copy, layout);
        Assert.True(OptionValues.TryParseProfile("none", out _, out _));
        Assert.False(OptionValues.TryParseContentScanners("pickle-nope", out _, out _));
    }

    [Fact]
    public void Settings_parser_reports_every_problem_not_only_the_first()
    {
        var ok = SettingsParser.TryParse(new WriteText { Level = "12", Threads = "many", Checksums = "crc99" }, 2, out _, out var problems);

        Assert.False(ok);
        Assert.Equal([SettingNames.Level, SettingNames.Threads, SettingNames.Checksums], problems.Select(p => p.Setting));
        var thrown = Assert.Throws<ModelPackException>(() => SettingsParser.Parse(new SettingsText { Mode = "zip" }));
        Assert.Equal("MPK9004", thrown.Code);
    }
}
