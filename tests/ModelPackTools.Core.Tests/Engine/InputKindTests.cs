using System.Diagnostics;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Engine;

/// <summary>
/// Inputs that are not what SageMaker reads (issue 10, items 7, 9 and 10): other formats made by the real tools, named
/// in one finding; FIFOs and devices refused without being opened; a prefix without its '/'.
/// </summary>
public class InputKindTests
{
    private static readonly CheckSettings Default = new();

    public static TheoryData<string, string> Compressors => new()
    {
        { "zip -q {out} {in}", "a zip archive" },
        { "xz -c {in} > {out}", "xz-compressed data" },
        { "zstd -q -c {in} > {out}", "zstd-compressed data" },
        { "bzip2 -c {in} > {out}", "bzip2-compressed data" },
        { "lz4 -q -c {in} > {out}", "lz4-compressed data" },
        { "cp /bin/true {out}", "an ELF executable" },
    };

    [Theory]
    [MemberData(nameof(Compressors))]
    public void A_file_of_another_format_gets_one_finding_naming_it_whatever_its_name(string command, string what)
    {
        using var dir = new TempDirectory();
        var tar = dir.Combine("model.tar");
        File.WriteAllBytes(tar, new TarBuilder().File("model.pth", new string('w', 5000)).End().ToArray());
        foreach (var name in new[] { "model.out", "model.tar.gz" })
        {
            var output = dir.Combine(name);
            Shell(command.Replace("{in}", tar, StringComparison.Ordinal).Replace("{out}", output, StringComparison.Ordinal));

            var report = ModelChecker.Check(output, Default).Report;

            var diagnostic = Assert.Single(report.Diagnostics);
            Assert.Equal("MPK2022", diagnostic.Code);
            Assert.Contains($"the file is {what}", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("gzip-compressed tar", diagnostic.Message, StringComparison.Ordinal);
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("page.html", "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>...</body></html>\n", "an HTML page")]
    [InlineData("7z.bin", "7z\u00bc\u00af'\u001c\u0000\u0004", "a 7z archive")]
    [InlineData("inference.py", "import os\n\ndef model_fn(model_dir):\n    return load(os.path.join(model_dir, 'model.pth'))\n", "text that is not a list of S3 keys")]
    public void Web_pages_archives_and_text_that_is_not_keys_are_not_read_as_key_listings(string name, string content, string what)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine(name);
        File.WriteAllBytes(path, content.Select(c => (byte)c).ToArray());

        var diagnostic = Assert.Single(ModelChecker.Check(path, Default).Report.Diagnostics);

        Assert.Equal("MPK2022", diagnostic.Code);
        Assert.Contains(what, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_compressed_file_that_is_not_a_tar_says_what_it_holds()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("model.tar.gz");
        File.WriteAllBytes(path, TarBuilder.Gzip([0x7F, (byte)'E', (byte)'L', (byte)'F', .. new byte[600]]));

        var diagnostic = Assert.Single(ModelChecker.Check(path, Default).Report.Diagnostics);

        Assert.Equal("MPK2022", diagnostic.Code);
        Assert.Contains("the gzip-compressed data is an ELF executable", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_list_of_keys_is_still_a_key_listing()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("keys.txt", "model/config.json\nmodel/weights part 1.bin\nmodel.pth\n");

        var report = ModelChecker.Check(path, Default with { S3Uri = S3Location.Parse("s3://b/") }).Report;

        Assert.Empty(report.Diagnostics);
        Assert.Equal(3, report.FileCount);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public async Task A_fifo_or_device_input_is_refused_at_once_without_opening_it(string input)
    {
        using var dir = new TempDirectory();
        if (input == "fifo")
        {
            input = dir.Combine("pipe");
            Shell($"mkfifo {input}");
        }

        // Run aside with a deadline: opening a FIFO for reading blocks forever, which must fail the test, not hang it.
        var check = Task.Run(() => ModelChecker.Check(input, Default));
        var finished = await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == check, "the check blocked on the input");
        var e = await Assert.ThrowsAsync<ModelPackException>(() => check);
        Assert.Equal("MPK9030", e.Diagnostic.Code);
        Assert.Contains(input.StartsWith("/dev", StringComparison.Ordinal) ? "a character device" : "a FIFO", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_without_its_slash_gets_one_finding_saying_what_it_would_hold()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("listing.json", """
            {"Contents":[
              {"Key":"models/m/config.json","Size":100},
              {"Key":"models/m/weights/a.bin","Size":1000},
              {"Key":"models/m/weights/b.bin","Size":1000},
              {"Key":"models/m6/other.bin","Size":5}
            ]}
            """);

        var report = ModelChecker.Check(path, Default with { S3Uri = S3Location.Parse("s3://bkt/models/m") }).Report;

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("MPK1007", diagnostic.Code);
        Assert.Contains("with one, s3://bkt/models/m/ would hold 3 files (2100 bytes)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("1 key of other prefixes ('models/m6/other.bin')", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.safetensors", "s3://b/models/model.safetensors", new string[0])]
    [InlineData("xgboost-model", null, new string[0])]
    [InlineData("model.tar.gz", "s3://b/m/model.tar.gz", new[] { "MPK3010" })]
    public void In_s3object_none_a_single_file_is_one_object_named_after_its_key(string file, string? uri, string[] codes)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine(file);
        File.WriteAllBytes(path, [.. "binary\0weights\n"u8, .. new byte[4000]]);

        var report = ModelChecker.Check(path, Default with { Mode = ExtractionMode.S3ObjectNone, S3Uri = uri is null ? null : S3Location.Parse(uri) }).Report;

        Assert.Equal(codes, report.Codes());
        Assert.Equal(1, report.FileCount);
    }

    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command}: {errors}");
    }
}
