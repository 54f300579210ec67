using System.Diagnostics;
using System.Runtime.Versioning;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.Layout;
using ModelPackTools.Packing;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Sources;

/// <summary>
/// A folder whose file names are not UTF-8 (issue 10, item 3): every file is seen and read by its stored bytes, and the
/// archive holds the same bytes GNU tar writes for that folder. The files are made by Python with bytes names, as a
/// user's Latin-1 or KOI8-R tool would leave them.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RawNameFolderTests : IDisposable
{
    private readonly TempDirectory work = new();

    public RawNameFolderTests()
    {
        this.Model = this.work.Combine("model");
        Run("python3", "-c", """
            import os, sys
            root = os.fsencode(sys.argv[1])
            os.makedirs(os.path.join(root, b'd\xe9'))
            for name, data in [(b'caf\xe9.txt', b'e9'), (b'caf\xe8.txt', b'e8'), (b'model.bin', b'weights'), (b'd\xe9/\xd0\xd2\xc9\xd7\xc5\xd4.txt', b'koi8')]:
                open(os.path.join(root, name), 'wb').write(data)
            """, this.Model);
    }

    private string Model { get; }

    // .NET cannot delete what it cannot name: the folder goes with rm.
    public void Dispose()
    {
        Run("rm", "-rf", this.Model);
        this.work.Dispose();
    }

    [Fact]
    public void Every_file_is_seen_with_its_size_and_no_false_change()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings { Mode = ExtractionMode.S3ObjectGzip }).Report;

        Assert.DoesNotContain("MPK2019", report.Codes());
        Assert.Equal(4, report.FileCount);
        Assert.Equal(2 + 2 + 7 + 4, report.TotalBytes);
        Assert.Equal(
            [@"caf\xe8.txt", @"caf\xe9.txt", @"d\xe9", @"d\xe9/\xd0\xd2\xc9\xd7\xc5\xd4.txt"],
            report.Diagnostics.Where(d => d.Code == "MPK3007").Select(d => d.Path!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("MPK1010", report.Codes());
    }

    [Fact]
    public void The_archive_lists_the_same_name_bytes_as_gnu_tar_of_the_folder()
    {
        var packed = this.work.Combine("model.tar.gz");
        ModelPacker.Pack(ModelChecker.CheckFolder(this.Model, new CheckSettings { Mode = ExtractionMode.S3ObjectGzip }), packed, new PackOptions());
        var reference = this.work.Combine("reference.tar.gz");
        Run("tar", "czf", reference, "-C", this.Model, ".");

        var ours = ListNames(packed);
        var theirs = ListNames(reference).Where(n => n != "./").Select(n => n[2..]).ToArray(); // GNU tar writes "./name"

        Assert.Equal(theirs.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        Assert.Contains("caf\\351.txt", ours); // tar -t escapes a byte that is not printable as \ooo: 0xE9 is \351
        Assert.Contains("caf\\350.txt", ours);
        Assert.Equal("e9", Run("tar", "xzOf", packed, @"caf\351.txt")); // GNU tar unquotes member names given as arguments
    }

    [Theory]
    [InlineData(LayoutMode.Copy)]
    [InlineData(LayoutMode.Link)]
    public void The_layout_refuses_names_that_cannot_be_s3_keys_and_writes_nothing(LayoutMode mode)
    {
        var output = this.work.Combine("layout");

        var result = Writers.LayOut(this.Model, output, mode);

        Assert.Null(result.OutputPath);
        Assert.Equal(
            [@"caf\xe8.txt", @"caf\xe9.txt", @"d\xe9", @"d\xe9/\xd0\xd2\xc9\xd7\xc5\xd4.txt"],
            result.Check.Diagnostics.Where(d => d.Code == "MPK1016").Select(d => d.Path!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("MPK3007", result.Check.Codes()); // one finding per cause: the error says it
        Assert.Equal(["model"], System.IO.Directory.GetFileSystemEntries(this.work.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_manifest_refuses_names_that_cannot_be_s3_keys_rather_than_write_a_wrong_key()
    {
        var output = this.work.Combine("manifest.csv");

        var result = await Writers.ManifestAsync(this.Model, "s3://bucket/models/m/", output, new FingerprintOptions(FingerprintKinds.ETag, PartSizePolicy.AwsCli));

        Assert.Empty(result.Rows);
        Assert.Equal(4, result.Check.Diagnostics.Count(d => d.Code == "MPK1016"));
        Assert.False(System.IO.File.Exists(output));
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_only_a_warning_inside_a_model_tar_gz()
    {
        var report = ModelChecker.Check(this.Model, new CheckSettings { Mode = ExtractionMode.S3ObjectGzip }).Report;

        Assert.False(report.HasErrors);
        Assert.DoesNotContain("MPK1016", report.Codes());
    }

    // GNU tar's listing with --quoting-style=escape shows each byte that is not printable as \ooo, so raw bytes survive
    // a UTF-8 pipe and two names stay two.
    private static string[] ListNames(string archive) =>
        Run("tar", "--quoting-style=escape", "-tzf", archive).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["LC_ALL"] = "C";
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {errors.Result}");
        return output;
    }
}
