using System.Text;

namespace ModelPackTools.Cli.Tests;

/// <summary>
/// The content scan from the command line: on by default in check, `--no-content-scan` skips it, `--allow-import`
/// accepts one reviewed import, and pack/layout/build write nothing when a file would run code.
/// </summary>
public sealed class ContentScanOptionTests : IDisposable
{
    // Protocol 0: GLOBAL os.system, then REDUCE with ('id',): what a malicious model.pkl looks like, byte by byte.
    private static readonly byte[] OsSystem = Encoding.Latin1.GetBytes("cos\nsystem\n(S'id'\ntR.");

    // Protocol 4: STACK_GLOBAL argparse.Namespace, NEWOBJ with (): harmless, but on no allowlist.
    private static readonly byte[] Namespace = [0x80, 4, 0x8c, 8, .. "argparse"u8, 0x8c, 9, .. "Namespace"u8, 0x93, (byte)')', 0x81, (byte)'.'];

    private readonly string directory = Directory.CreateTempSubdirectory("modelpack-content-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public void Check_reports_a_pickle_that_runs_code_with_its_import_and_offset()
    {
        var (exitCode, output, _) = CommandRunner.Run("check", this.Model(OsSystem));

        Assert.Equal(1, exitCode);
        Assert.Contains("model.pkl: error MPK4002: pickle imports 'os.system' at byte 0: runs processes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_lists_what_each_scanner_read_and_every_file_not_scanned()
    {
        var (_, output, _) = CommandRunner.Run("check", this.Model(Namespace), "--format", "json");

        using var document = System.Text.Json.JsonDocument.Parse(output);
        var content = document.RootElement.GetProperty("content");
        Assert.Equal(2, content.GetProperty("filesOffered").GetInt32());
        Assert.Equal(["config.json"], content.GetProperty("notScanned").EnumerateArray().Select(e => e.GetString()));
        var pickle = content.GetProperty("scanners").EnumerateArray().First();
        Assert.Equal(("pickle", 1, Namespace.Length), (pickle.GetProperty("name").GetString(), pickle.GetProperty("files").GetInt32(), pickle.GetProperty("bytes").GetInt32()));
    }

    [Fact]
    public void Sarif_carries_the_coverage_in_the_runs_properties()
    {
        var (_, output, _) = CommandRunner.Run("check", this.Model(Namespace), "--format", "sarif");

        using var document = System.Text.Json.JsonDocument.Parse(output);
        var content = document.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("content");
        Assert.Equal(2, content.GetProperty("filesOffered").GetInt32());
        Assert.Equal(["config.json"], content.GetProperty("notScanned").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void No_content_scan_skips_the_scan()
    {
        var (exitCode, output, _) = CommandRunner.Run("check", this.Model(OsSystem), "--no-content-scan");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("MPK4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("content:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_import_accepts_the_reviewed_import()
    {
        var model = this.Model(Namespace);

        Assert.Contains("error MPK4001: pickle imports 'argparse.Namespace' at byte 23", CommandRunner.Run("check", model).Output, StringComparison.Ordinal);
        Assert.Equal(0, CommandRunner.Run("check", model, "--allow-import", "argparse.Namespace").ExitCode);
    }

    [Fact]
    public void A_bad_allow_import_is_a_usage_error_naming_the_option()
    {
        var (exitCode, _, error) = CommandRunner.Run("check", this.Model(Namespace), "--allow-import", "argparse");

        Assert.Equal(2, exitCode);
        Assert.Contains("error MPK9004:", error, StringComparison.Ordinal);
        Assert.Contains("(--allow-import)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_and_layout_write_nothing_for_a_model_that_runs_code()
    {
        var model = this.Model(OsSystem);
        var archive = Path.Combine(this.directory, "out", "model.tar.gz");
        var layout = Path.Combine(this.directory, "layout");

        var pack = CommandRunner.Run("pack", model, "-o", archive);
        var laidOut = CommandRunner.Run("layout", model, "-o", layout);

        Assert.Equal((1, 1), (pack.ExitCode, laidOut.ExitCode));
        Assert.Contains("error MPK4002", pack.Output, StringComparison.Ordinal);
        Assert.Contains("error MPK4002", laidOut.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
        Assert.False(Directory.Exists(layout));
    }

    [Fact]
    public void Pack_accepts_the_reviewed_import()
    {
        var archive = Path.Combine(this.directory, "model.tar.gz");

        var (exitCode, _, _) = CommandRunner.Run("pack", this.Model(Namespace), "-o", archive, "--allow-import", "argparse.Namespace");

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(archive));
    }

    [Fact]
    public void Pack_layout_and_build_print_the_coverage_line_of_check()
    {
        var model = this.Model(Namespace);
        var allow = new[] { "--allow-import", "argparse.Namespace" };
        const string Line = "content: pickle 1; 1 file not scanned (config.json)";

        var checkOutput = CommandRunner.Run(["check", model, .. allow]).Output;
        var pack = CommandRunner.Run(["pack", model, "-o", Path.Combine(this.directory, "model.tar.gz"), .. allow]);
        var layout = CommandRunner.Run(["layout", model, "-o", Path.Combine(this.directory, "layout"), .. allow]);
        var build = CommandRunner.Run(["build", "--spec", this.Spec(), "-o", Path.Combine(this.directory, "out"), .. allow]);

        Assert.Contains(Line, checkOutput, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (pack.ExitCode, layout.ExitCode, build.ExitCode));
        Assert.Contains(Line, pack.Output, StringComparison.Ordinal);
        Assert.Contains(Line, layout.Output, StringComparison.Ordinal);
        Assert.Contains(Line, build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_and_layout_json_and_build_sarif_carry_the_content_object_of_check()
    {
        var model = this.Model(Namespace);

        var pack = CommandRunner.Run("pack", model, "-o", Path.Combine(this.directory, "model.tar.gz"), "--allow-import", "argparse.Namespace", "--format", "json");
        var layout = CommandRunner.Run("layout", model, "-o", Path.Combine(this.directory, "layout"), "--format", "json");
        var build = CommandRunner.Run("build", "--spec", this.Spec(), "-o", Path.Combine(this.directory, "out"), "--format", "sarif");

        using var packed = System.Text.Json.JsonDocument.Parse(pack.Output);
        using var laidOut = System.Text.Json.JsonDocument.Parse(layout.Output);
        using var sarif = System.Text.Json.JsonDocument.Parse(build.Output);
        Assert.Equal((1, false), (layout.ExitCode, laidOut.RootElement.GetProperty("laidOut").GetBoolean()));
        Assert.Equal("MPK4001", laidOut.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        foreach (var content in new[] { packed.RootElement.GetProperty("content"), laidOut.RootElement.GetProperty("content"), sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("content") })
        {
            Assert.Equal(2, content.GetProperty("filesOffered").GetInt32());
            Assert.Equal(["config.json"], content.GetProperty("notScanned").EnumerateArray().Select(e => e.GetString()));
        }
    }

    // A spec beside the model folder, so that build reads the same folder as the other commands.
    private string Spec()
    {
        var path = Path.Combine(this.directory, "modelpack.json");
        File.WriteAllText(path, "{\"source\": \"model\"}");
        return path;
    }

    private string Model(byte[] pickle)
    {
        var folder = Path.Combine(this.directory, "model");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "model.pkl"), pickle);
        File.WriteAllText(Path.Combine(folder, "config.json"), "{}");
        return folder;
    }
}
