using System.Diagnostics;
using System.Runtime.Versioning;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Layout;
using ModelPackTools.Sources;

namespace ModelPackTools.Core.Tests.Layout;

[SupportedOSPlatform("linux")]
public sealed class PrefixLayoutWriterTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => this.work.Dispose();

    private string Model()
    {
        this.work.Write("model/config.json", "{}");
        this.work.Write("model/weights/part-0.bin", "weights");
        return this.work.Combine("model");
    }

    private static int LinkCount(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%h", path]) { RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_copy_gets_the_mode_pack_writes_in_the_tar_header_not_the_model_files_own()
    {
        var script = this.work.Write("model/serve.sh", "#!/bin/sh");
        var weights = this.work.Write("model/weights.bin", "w");
        var shared = this.work.Write("model/shared.txt", "s");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // 0700
        File.SetUnixFileMode(weights, UnixFileMode.UserRead | UnixFileMode.UserWrite); // 0600
        File.SetUnixFileMode(shared, (UnixFileMode)0x1B6); // 0666

        Writers.LayOut(this.work.Combine("model"), this.work.Combine("prefix"), LayoutMode.Copy);

        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(this.work.Combine("prefix/serve.sh"))); // 0755, as in model.tar.gz
        Assert.Equal((UnixFileMode)0x1A4, File.GetUnixFileMode(this.work.Combine("prefix/weights.bin"))); // 0644
        Assert.Equal((UnixFileMode)0x1A4, File.GetUnixFileMode(this.work.Combine("prefix/shared.txt")));
    }

    [Fact]
    public void Files_are_hard_linked_by_default()
    {
        var model = this.Model();

        var result = Writers.LayOut(model, this.work.Combine("prefix"), LayoutMode.Auto);

        Assert.Equal(2, result.Linked);
        Assert.Equal(2, LinkCount(this.work.Combine("prefix/weights/part-0.bin")));
        Assert.Equal("weights", File.ReadAllText(this.work.Combine("prefix/weights/part-0.bin")));
    }

    [Fact]
    public void Copy_mode_makes_independent_files()
    {
        var result = Writers.LayOut(this.Model(), this.work.Combine("prefix"), LayoutMode.Copy);

        Assert.Equal(2, result.Copied);
        Assert.Equal(1, LinkCount(this.work.Combine("prefix/config.json")));
    }

    [Fact]
    public void Links_are_dereferenced_and_empty_folders_dropped_with_a_warning()
    {
        var model = this.Model();
        File.CreateSymbolicLink(Path.Combine(model, "latest.bin"), "weights/part-0.bin");
        Directory.CreateDirectory(Path.Combine(model, "empty"));

        var result = Writers.LayOut(model, this.work.Combine("prefix"), LayoutMode.Auto);

        Assert.Equal(["MPK2017", "MPK3006"], result.Check.Diagnostics.Select(d => d.Code).Order());
        Assert.False(new FileInfo(this.work.Combine("prefix/latest.bin")).Attributes.HasFlag(FileAttributes.ReparsePoint));
        Assert.Equal("weights", File.ReadAllText(this.work.Combine("prefix/latest.bin")));
        Assert.False(Directory.Exists(this.work.Combine("prefix/empty")));
    }

    [Fact]
    public void Folder_with_errors_is_refused_with_the_check_codes_and_nothing_is_written()
    {
        var model = this.Model();
        File.CreateSymbolicLink(Path.Combine(model, "escape"), "../../outside");

        var result = Writers.LayOut(model, this.work.Combine("prefix"), LayoutMode.Auto);

        Assert.False(result.Written);
        Assert.Equal(["MPK2016"], result.Check.Diagnostics.Select(d => d.Code));
        Assert.Equal(["model"], Directory.GetFileSystemEntries(this.work.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_layout_is_replaced_whole()
    {
        var model = this.Model();
        this.work.Write("prefix/stale.bin", "from an older model");

        Writers.LayOut(model, this.work.Combine("prefix"), LayoutMode.Auto);

        Assert.False(File.Exists(this.work.Combine("prefix/stale.bin")));
        Assert.True(File.Exists(this.work.Combine("prefix/config.json")));
        Assert.Equal(["model", "prefix"], Directory.GetFileSystemEntries(this.work.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Layout_inside_the_model_or_around_it_is_refused()
    {
        var model = this.Model();

        Assert.Throws<ModelPackException>(() => Writers.LayOut(model, Path.Combine(model, "prefix"), LayoutMode.Auto));
        Assert.Throws<ModelPackException>(() => Writers.LayOut(model, this.work.Path, LayoutMode.Auto));
    }

    [Fact]
    public void Cancelled_layout_leaves_nothing_behind()
    {
        var model = this.Model();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Writers.LayOut(model, this.work.Combine("prefix"), LayoutMode.Auto, cancel.Token));
        Assert.Equal(["model"], Directory.GetFileSystemEntries(this.work.Path).Select(Path.GetFileName));
    }
}
