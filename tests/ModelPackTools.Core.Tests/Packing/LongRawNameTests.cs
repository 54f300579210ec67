using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Diagnostics;
using ModelPackTools.Packing;

namespace ModelPackTools.Core.Tests.Packing;

/// <summary>
/// A path too long for ustar goes into a PAX `path` record; POSIX says that record is UTF-8 unless `hdrcharset=BINARY`
/// precedes it, and bsdtar, which writes that record for such a name, exits 1 on one without it ("Pathname can't be
/// converted from UTF-8"). The archive we write must list the same name bytes in GNU tar, bsdtar and Python.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LongRawNameTests : IDisposable
{
    private static readonly string Folder = new('d', 120);
    private static readonly string Tail = "caf\\xe9" + new string('e', 110) + ".txt";
    private readonly TempDirectory work = new();

    public void Dispose()
    {
        RawNames.Remove(this.work.Path);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_long_path_that_is_not_utf8_gets_hdrcharset_binary_before_its_pax_path()
    {
        var tar = this.PackModel($"b'{Folder}/{Tail}'");

        var text = Encoding.Latin1.GetString(tar);
        var record = text.IndexOf(" hdrcharset=BINARY\n", StringComparison.Ordinal);
        Assert.True(record > 0, "no hdrcharset record");
        Assert.Matches($"^[0-9]+ path={Folder}/caf\u00e9e", text[(record + " hdrcharset=BINARY\n".Length)..]);
    }

    [Fact]
    public void A_long_utf8_path_gets_no_hdrcharset()
    {
        var tar = this.PackModel($"b'{Folder}/{Tail.Replace("\\xe9", "\\xc3\\xa9", StringComparison.Ordinal)}'");

        Assert.DoesNotContain("hdrcharset", Encoding.Latin1.GetString(tar), StringComparison.Ordinal);
        Assert.Contains(" path=", Encoding.Latin1.GetString(tar), StringComparison.Ordinal);
    }

    [Fact]
    public void Gnu_tar_bsdtar_and_python_list_the_same_name_bytes_and_bsdtar_succeeds()
    {
        var archive = this.work.Combine("model.tar");
        File.WriteAllBytes(archive, this.PackModel($"b'{Folder}/{Tail}'"));

        var gnu = RawNames.RunWithCode("tar", "--quoting-style=escape", "-tf", archive);
        var bsd = RawNames.RunWithCode("bsdtar", "-tf", archive);
        var python = RawNames.Run("python3", "-c", "import os, sys, tarfile\nfor m in tarfile.open(sys.argv[1], errors='surrogateescape'): print(repr(os.fsencode(m.name)))", archive);

        var expected = $"{Folder}/caf\\351{new string('e', 110)}.txt";
        Assert.Equal(0, gnu.Code);
        Assert.Equal((0, string.Empty), (bsd.Code, bsd.Errors));
        Assert.Equal(expected, gnu.Output.Split('\n')[1]);
        Assert.Equal(expected, bsd.Output.Split('\n')[1]);
        Assert.Equal($"b'{Folder}/{Tail}'", python.Split('\n')[1]);
    }

    [Fact]
    public void The_packed_archive_checks_with_only_the_name_warning()
    {
        this.PackModel($"b'{Folder}/{Tail}'");

        var report = Checks.CheckArchive(File.ReadAllBytes(this.work.Combine("model.tar.gz")));

        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics));
        Assert.Contains(report.Diagnostics, d => d.Code == "MPK3007" && RawNameText.Display(d.Path!).EndsWith(Tail, StringComparison.Ordinal));
    }

    // The model folder made by Python with one file at the given bytes path, packed, and the tar inside the gzip.
    private byte[] PackModel(string pythonPath)
    {
        var model = this.work.Combine("model");
        RawNames.Remove(model);
        RawNames.Make(model, (pythonPath, "x"));
        var packed = this.work.Combine("model.tar.gz");
        Writers.Pack(model, packed, new PackOptions());
        using var gzip = new GZipStream(File.OpenRead(packed), CompressionMode.Decompress);
        using var tar = new MemoryStream();
        gzip.CopyTo(tar);
        return tar.ToArray();
    }
}
