using ModelPackTools.Core.Tests.Support;

namespace ModelPackTools.Core.Tests.Archives;

/// <summary>
/// The disagreements the diagnostics claim, shown with the real readers on the same bytes: GNU tar, bsdtar and Python
/// follow PAX, busybox follows the ustar fields, and no reader shows bytes hidden after a name's NUL.
/// </summary>
public class TarReaderDifferentialTests
{
    [Fact]
    public void Pax_size_over_ustar_zero_shows_busybox_a_smuggled_member()
    {
        var archive = TarHeaderDisagreementTests.PaxSizeOverUstarZero();

        Assert.Equal(["outer.bin 1024 0"], TarTools.List("gnu", archive));
        Assert.Equal(["outer.bin 1024 0"], TarTools.List("bsdtar", archive));
        Assert.Equal(["outer.bin 1024 0"], TarTools.List("python", archive));
        Assert.Equal(["outer.bin 0 0", "smuggled.bin 5 0"], TarTools.List("busybox", archive));
    }

    [Fact]
    public void Pax_zero_under_ustar_size_hides_a_member_from_busybox()
    {
        var archive = TarHeaderDisagreementTests.PaxZeroUnderUstarSize();

        foreach (var tool in new[] { "gnu", "bsdtar", "python" })
        {
            Assert.Equal(["outer.bin 0 0", "hidden.bin 5 0"], TarTools.List(tool, archive));
        }

        Assert.Equal(["outer.bin 1036 0"], TarTools.List("busybox", archive));
    }

    [Fact]
    public void Pax_uid_is_ignored_by_busybox()
    {
        var archive = TarHeaderDisagreementTests.PaxUidOverUstarUid();

        Assert.Equal(["f.bin 1 0"], TarTools.List("gnu", archive));
        Assert.Equal(["f.bin 1 0"], TarTools.List("python", archive));
        Assert.Equal(["f.bin 1 1000"], TarTools.List("busybox", archive));
    }

    [Fact]
    public void No_reader_shows_the_bytes_after_a_names_nul()
    {
        var archive = TarHeaderDisagreementTests.HiddenBytesAfterName();

        foreach (var tool in TarTools.All)
        {
            Assert.Equal(["model.bin 1 0"], TarTools.List(tool, archive));
        }
    }

    [Theory]
    [InlineData("gnu")]
    [InlineData("python")]
    public void A_path_over_path_max_fails_to_extract_and_a_shorter_one_extracts(string tool)
    {
        using var temp = new TempDirectory();
        foreach (var (length, expected) in new[] { (4200, false), (3900, true) })
        {
            var name = Extraction.ArchiveRuleTests.DeepName(length);
            var archive = new TarBuilder().Pax(("path", name)).Entry(System.Text.Encoding.UTF8.GetBytes(name[..100]), '0', [1]).End().ToArray();
            var into = Directory.CreateDirectory(temp.Combine($"{tool}{length}")).FullName;

            var (ok, errors) = TarTools.Extract(tool, archive, into);

            Assert.True(ok == expected, $"{tool} on a {length}-byte path: {errors}");
            Assert.True(expected || errors.Contains("File name too long", StringComparison.Ordinal), errors);
            Assert.Equal(expected ? [] : ["MPK1015"], Checks.CheckArchive(archive).CodesFor(name).Where(c => c is "MPK1015"));
        }
    }
}
