using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Engine;
using ModelPackTools.Hashing;
using ModelPackTools.Packing;
using ModelPackTools.Sources;

namespace ModelPackTools.Core.Tests.Packing;

[SupportedOSPlatform("linux")]
public sealed class ModelPackerTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => this.work.Dispose();

    private string NewModel(string name, bool reverseOrder = false, DateTime? mtime = null, UnixFileMode? mode = null)
    {
        var root = this.work.Combine(name);
        (string Path, string Content)[] files =
        [
            ("config.json", "{\"a\": 1}"),
            ("code/inference.py", "def model_fn(d): pass"),
            ("weights/part-0.bin", new string('w', 300_000)),
            ("weights/part-1.bin", string.Concat(Enumerable.Range(0, 50_000).Select(i => (char)('a' + (i * 7 % 26))))),
            ("\u00e9t\u00e9/r\u00e9sum\u00e9.txt", "unicode"),
        ];
        foreach (var (path, content) in reverseOrder ? files.Reverse() : files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            File.SetLastWriteTimeUtc(full, mtime ?? DateTime.UtcNow);
            if (mode is { } m)
            {
                File.SetUnixFileMode(full, m);
            }
        }

        return root;
    }

    private static PackOptions Options(int threads = 2) =>
        new() { Threads = threads, Fingerprint = new FingerprintOptions(FingerprintKinds.ETag | FingerprintKinds.Md5Hex, PartSizePolicy.AwsCli) };

    [Fact]
    public void Same_files_give_identical_bytes_whatever_mtimes_order_modes_and_threads()
    {
        var a = this.NewModel("a", mtime: new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var b = this.NewModel("b", reverseOrder: true, mtime: new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), mode: UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var first = Writers.Pack(a, this.work.Combine("a.tar.gz"), Options(threads: 1));
        var second = Writers.Pack(b, this.work.Combine("b.tar.gz"), Options(threads: 4));

        Assert.True(first.Written && second.Written);
        Assert.Equal(File.ReadAllBytes(this.work.Combine("a.tar.gz")), File.ReadAllBytes(this.work.Combine("b.tar.gz")));
        Assert.Equal(first.Fingerprint!.ETag, second.Fingerprint!.ETag);
    }

    [Fact]
    public void Fingerprint_is_the_md5_of_the_bytes_written()
    {
        var output = this.work.Combine("m.tar.gz");
        var result = Writers.Pack(this.NewModel("m"), output, Options());

        var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(output)));
        Assert.Equal(md5, result.Fingerprint!.ETag);
        Assert.Equal(new FileInfo(output).Length, result.OutputLength);
    }

    [Fact]
    public void Archive_lists_sorted_members_with_fixed_owner_time_and_modes()
    {
        var model = this.NewModel("m");
        File.SetUnixFileMode(Path.Combine(model, "code/inference.py"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var output = this.work.Combine("m.tar.gz");
        Writers.Pack(model, output, Options() with { ModificationTime = 1700000000 });

        using var reader = new TarReader(new GZipStream(File.OpenRead(output), CompressionMode.Decompress));
        var members = new List<TarEntry>();
        while (reader.GetNextEntry() is { } entry)
        {
            members.Add(entry);
        }

        Assert.Equal(
            ["code/", "code/inference.py", "config.json", "weights/", "weights/part-0.bin", "weights/part-1.bin", "\u00e9t\u00e9/", "\u00e9t\u00e9/r\u00e9sum\u00e9.txt"],
            members.Select(m => m.Name));
        Assert.All(members, m =>
        {
            Assert.Equal(0, m.Uid);
            Assert.Equal(0, m.Gid);
            Assert.Equal(1700000000, m.ModificationTime.ToUnixTimeSeconds());
            Assert.Equal(TarEntryFormat.Ustar, m.Format);
        });
        Assert.Equal((UnixFileMode)0x1ED, members.Single(m => m.Name == "code/inference.py").Mode);
        Assert.Equal((UnixFileMode)0x1A4, members.Single(m => m.Name == "config.json").Mode);
    }

    [Fact]
    public void Gnu_tar_gzip_and_pythons_data_filter_accept_the_archive_and_get_the_same_files()
    {
        var model = this.NewModel("m");
        var output = this.work.Combine("m.tar.gz");
        Writers.Pack(model, output, Options());
        var extracted = this.work.Combine("x");
        Directory.CreateDirectory(extracted);

        Assert.Equal(0, Run("gzip", "-t", output));
        Assert.Equal(0, Run("tar", "-tzvf", output));
        Assert.Equal(0, Run("python3", "-c", "import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2], filter='data')", output, extracted));
        foreach (var file in Directory.EnumerateFiles(model, "*", SearchOption.AllDirectories))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(extracted, Path.GetRelativePath(model, file))));
        }
    }

    [Fact]
    public void Links_inside_the_folder_are_stored_as_what_they_point_to()
    {
        var model = this.NewModel("m");
        File.CreateSymbolicLink(Path.Combine(model, "latest.bin"), "weights/part-0.bin");
        File.CreateSymbolicLink(Path.Combine(model, "current"), "weights");
        var output = this.work.Combine("m.tar.gz");

        var result = Writers.Pack(model, output, Options());

        Assert.Equal(["MPK2017", "MPK2017"], result.Check.Diagnostics.Select(d => d.Code));
        var check = ModelPackTools.Extraction.ExtractionSimulator.Simulate(ModelSourceReader.Read(output, new ModelSourceOptions()), new());
        Assert.Empty(check.Diagnostics);
        using var reader = new TarReader(new GZipStream(File.OpenRead(output), CompressionMode.Decompress));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            Assert.True(entry.EntryType is TarEntryType.RegularFile or TarEntryType.Directory);
            names.Add(entry.Name);
        }

        Assert.Contains("latest.bin", names);
        Assert.Contains("current/part-1.bin", names);
    }

    [Fact]
    public void Hard_linked_files_become_two_regular_members()
    {
        var model = this.NewModel("m");
        Assert.Equal(0, Run("ln", Path.Combine(model, "config.json"), Path.Combine(model, "config-copy.json")));
        var output = this.work.Combine("m.tar.gz");

        Writers.Pack(model, output, Options());

        using var reader = new TarReader(new GZipStream(File.OpenRead(output), CompressionMode.Decompress));
        var members = new Dictionary<string, TarEntry>();
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            members[entry.Name] = entry;
        }

        Assert.Equal(TarEntryType.RegularFile, members["config.json"].EntryType);
        Assert.Equal(TarEntryType.RegularFile, members["config-copy.json"].EntryType);
        Assert.Equal(members["config.json"].Length, members["config-copy.json"].Length);
    }

    [Fact]
    public void Folder_with_errors_is_not_packed_and_nothing_is_written()
    {
        var model = this.NewModel("m");
        File.CreateSymbolicLink(Path.Combine(model, "escape"), "/etc/passwd");
        var output = this.work.Combine("m.tar.gz");

        var result = Writers.Pack(model, output, Options());

        Assert.False(result.Written);
        Assert.Contains("MPK2016", result.Check.Diagnostics.Select(d => d.Code));
        Assert.Empty(Directory.GetFiles(this.work.Path));
    }

    [Fact]
    public void Output_inside_the_input_is_refused()
    {
        var model = this.NewModel("m");

        Assert.Throws<ModelPackException>(() => Writers.Pack(model, Path.Combine(model, "sub", "model.tar.gz"), Options()));
    }

    [Fact]
    public void Cancelled_pack_leaves_neither_output_nor_staging_file()
    {
        var model = this.NewModel("m");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Writers.Pack(model, this.work.Combine("m.tar.gz"), Options(), cancel.Token));
        Assert.Empty(Directory.GetFiles(this.work.Path));
    }

    [Fact]
    public void Names_beyond_ustar_get_a_pax_path_that_every_reader_agrees_on()
    {
        var model = this.work.Combine("m");
        var deep = string.Join('/', Enumerable.Repeat("a-fairly-long-directory-name", 12)); // ~350 bytes
        var single = new string('n', 180) + ".bin"; // one component over 100 bytes: no ustar split
        this.work.Write($"m/{deep}/weights.bin", "deep");
        this.work.Write($"m/{single}", "long");
        var output = this.work.Combine("m.tar.gz");

        Writers.Pack(model, output, Options());
        var tree = ModelSourceReader.Read(output, new ModelSourceOptions());

        Assert.Empty(tree.SourceDiagnostics);
        Assert.Contains($"{deep}/weights.bin", tree.Entries.Select(e => e.Path));
        Assert.Contains(single, tree.Entries.Select(e => e.Path));
        Assert.Equal(0, Run("python3", "-c", $"import sys, tarfile; names = tarfile.open(sys.argv[1]).getnames(); assert '{deep}/weights.bin' in names and '{single}' in names, names", output));
    }

    [Fact]
    public void Sizes_beyond_8_GiB_are_written_as_a_pax_size()
    {
        var header = new MemoryStream();
        TarHeaderWriter.WriteMember(header, new PackEntry("huge.bin", false, null, 9L << 30, false), PackOptions.DefaultModificationTime);
        header.Write(new byte[1024]); // some data, far less than declared

        var tree = ModelSourceReader.Read(this.WriteFile("huge.tar", header.ToArray()), new ModelSourceOptions());

        Assert.Equal(9L << 30, Assert.Single(tree.Entries).Size);
        // MPK3009: the size is in PAX only (busybox reads the ustar field); MPK2010: the data is not all there.
        Assert.Equal(["MPK3009", "MPK2010"], tree.SourceDiagnostics.Select(d => d.Code));
    }

    private string WriteFile(string name, byte[] bytes)
    {
        var path = this.work.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
