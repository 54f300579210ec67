using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Extraction;

/// <summary>What a careful extractor refuses in a model.tar.gz (S3Object + Gzip).</summary>
public class ArchiveRuleTests
{
    [Theory]
    [InlineData("./")]
    [InlineData(".")]
    [InlineData("/")]
    public void Lone_root_entry_is_the_root_not_an_error(string root)
    {
        var report = CheckArchive(new TarBuilder().Directory(root).File("./model.pth").File("./code/inference.py").End().ToGzip());

        Assert.Empty(report.Diagnostics);
        Assert.Equal(2, report.FileCount);
    }

    [Fact]
    public void Absolute_member_path_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().File("model.pth").File("/etc/cron.d/evil").End().ToGzip());

        Assert.Equal(["MPK2001"], report.CodesFor("/etc/cron.d/evil"));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("code/../../outside.txt")]
    [InlineData("a/../b.txt")]
    public void Parent_traversal_is_an_error(string name)
    {
        var report = CheckArchive(new TarBuilder().File("model.pth").File(name).End().ToGzip());

        Assert.Equal(["MPK2002"], report.CodesFor(name));
    }

    [Fact]
    public void Any_symbolic_link_is_an_error_reported_once()
    {
        var report = CheckArchive(new TarBuilder().File("model.pth").Symlink("latest.pth", "model.pth").Symlink("passwd", "/etc/passwd").Symlink("gone", "missing").End().ToGzip());

        Assert.Equal(["MPK2003", "MPK2003", "MPK2003"], report.Codes());
    }

    [Fact]
    public void Link_chain_that_climbs_out_physically_is_caught()
    {
        // Textually "link/link/../OUT" is "link/OUT", inside; physically link -> ./ so ".." leaves the root.
        var report = CheckArchive(new TarBuilder()
            .File("model.pth")
            .Symlink("escape", "link/link/../OUT")
            .Symlink("link", "./")
            .File("escape/f", "payload")
            .End().ToGzip());

        Assert.Contains("MPK2016", report.CodesFor("escape/f"));

        // One finding per cause: each link is an error because it is a link (MPK2003), not again for where it points.
        Assert.Equal(["MPK2003"], report.CodesFor("escape"));
        Assert.Equal(["MPK2003"], report.CodesFor("link"));
    }

    [Fact]
    public void Writing_through_a_link_that_stays_inside_lands_in_its_target()
    {
        var report = CheckArchive(new TarBuilder().Directory("real/").Symlink("alias", "real").File("alias/f.bin").File("real/f.bin").End().ToGzip());

        // The second write to real/f.bin replaces the first one made through the link.
        Assert.Contains("MPK1010", report.CodesFor("real/f.bin"));
    }

    [Fact]
    public void Hard_link_to_an_earlier_file_is_accepted()
    {
        var report = CheckArchive(new TarBuilder().File("a.bin").HardLink("b.bin", "a.bin").End().ToGzip());

        Assert.Empty(report.Diagnostics);
        Assert.Equal(2, report.FileCount);
    }

    [Theory]
    [InlineData("missing.bin", "no member")]
    [InlineData("later.bin", "later")]
    [InlineData("../etc/passwd", "outside")]
    [InlineData("/etc/passwd", "outside")]
    [InlineData("sym.bin", "symbolic link")]
    [InlineData("hard.bin", "itself a hard link")]
    [InlineData("dir", "directory")]
    public void Unsafe_hard_links_are_errors(string target, string reason)
    {
        var report = CheckArchive(new TarBuilder()
            .File("a.bin")
            .Directory("dir/")
            .Symlink("sym.bin", "a.bin")
            .HardLink("hard.bin", "a.bin")
            .HardLink("link.bin", target)
            .File("later.bin")
            .End().ToGzip());

        var diagnostic = Assert.Single(report.Diagnostics, d => d.Path == "link.bin");
        Assert.Equal("MPK2004", diagnostic.Code);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_hard_link_is_judged_from_its_own_position()
    {
        // weights/part1 appears before the second link but is never placed (it clashes with the file weights):
        // for that link it is not "later", whatever an earlier link asked first.
        var report = CheckArchive(new TarBuilder()
            .File("a.bin")
            .HardLink("first.bin", "c.bin")
            .File("weights")
            .File("weights/part1")
            .HardLink("second.bin", "weights/part1")
            .File("c.bin")
            .End().ToGzip());

        Assert.Contains("later", Assert.Single(report.Diagnostics, d => d.Path == "first.bin").Message, StringComparison.Ordinal);
        var second = Assert.Single(report.Diagnostics, d => d.Path == "second.bin");
        Assert.Equal("MPK2004", second.Code);
        Assert.DoesNotContain("later", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_link_that_carries_data_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().File("a.bin").HardLink("b.bin", "a.bin", declaredSize: 64).End().ToGzip());

        Assert.Equal(["MPK2005"], report.Codes());
    }

    [Theory]
    [InlineData('3', "character device")]
    [InlineData('4', "block device")]
    [InlineData('6', "FIFO")]
    public void Devices_and_fifos_are_errors(char type, string what)
    {
        var report = CheckArchive(new TarBuilder().File("a.bin").Entry("dev"u8.ToArray(), type, []).End().ToGzip());

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("MPK2006", diagnostic.Code);
        Assert.Contains(what, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void Sparse_and_unknown_entry_types_are_errors(char type)
    {
        var report = CheckArchive(new TarBuilder().File("a.bin").Entry("odd"u8.ToArray(), type, [1, 2, 3], magic: "ustar  \0").End().ToGzip());

        Assert.Equal(["MPK2007"], report.Codes());
    }

    [Fact]
    public void Pax_sparse_file_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().Pax(("GNU.sparse.major", "1"), ("GNU.sparse.name", "weights.bin")).File("GNUSparseFile.0/weights.bin").End().ToGzip());

        Assert.Equal(["MPK2007"], report.CodesFor("weights.bin"));
    }

    [Theory]
    [InlineData(0x9ED, "setuid")] // 04755
    [InlineData(0x5ED, "setgid")] // 02755
    public void Setuid_and_setgid_bits_are_errors(int mode, string which)
    {
        var report = CheckArchive(new TarBuilder().File("run.sh", "#!/bin/sh", mode).End().ToGzip());

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("MPK2008", diagnostic.Code);
        Assert.Contains(which, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sticky_bit_is_not_reported()
    {
        Assert.DoesNotContain("MPK2008", CheckArchive(new TarBuilder().Directory("tmp/", 0x3FF).File("tmp/a").End().ToGzip()).Codes());
    }

    [Fact]
    public void Duplicate_member_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().File("model.pth", "reviewed").File("model.pth", "swapped").End().ToGzip());

        Assert.Equal(["MPK1010"], report.Codes());
    }

    [Fact]
    public void Duplicate_after_canonicalisation_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().File("./model.pth").File("model.pth").End().ToGzip());

        Assert.Equal(["MPK1010"], report.Codes());
    }

    [Fact]
    public void Regular_file_named_with_a_trailing_slash_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().File("model.pth").File("weights/").End().ToGzip());

        Assert.Contains("MPK1012", report.CodesFor("weights/"));
    }

    [Fact]
    public void File_followed_by_members_beneath_it_clashes()
    {
        var report = CheckArchive(new TarBuilder().File("weights").File("weights/part1").End().ToGzip());

        Assert.Equal(["MPK1005"], report.Codes());
    }

    [Fact]
    public void Archive_with_only_directories_has_no_files()
    {
        Assert.Equal(["MPK1011"], CheckArchive(new TarBuilder().Directory("./").Directory("model/").End().ToGzip()).Codes());
    }

    [Fact]
    public void Plain_tar_in_gzip_mode_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().File("model.pth").End().ToArray());

        Assert.Equal(["MPK2013"], report.Codes());
    }

    [Fact]
    public void Nul_in_a_pax_path_is_an_error()
    {
        var report = CheckArchive(new TarBuilder().PaxRaw(("path", "ok.bin\0../../x"u8.ToArray())).File("x").End().ToGzip());

        Assert.Contains("MPK1002", report.Codes());
    }

    [Fact]
    public void Interior_empty_and_dot_segments_are_a_warning()
    {
        var report = CheckArchive(new TarBuilder().File("a//b.bin").File("c/./d.bin").End().ToGzip());

        Assert.Equal(["MPK3008", "MPK3008"], report.Codes());
    }

    [Theory]
    [InlineData(4081, false)] // "/opt/ml/model/" + 4081 bytes = 4095, the longest path Linux takes
    [InlineData(4082, true)]
    public void A_whole_path_reaching_path_max_under_opt_ml_model_is_an_error(int length, bool error)
    {
        var name = DeepName(length);
        var report = CheckArchive(new TarBuilder().Pax(("path", name)).Entry(System.Text.Encoding.UTF8.GetBytes(name[..100]), '0', [1]).End().ToGzip());

        Assert.Equal(error ? ["MPK1015"] : [], report.CodesFor(name).Where(c => c != "MPK3001"));
    }

    /// <summary>A name of exactly <paramref name="length"/> bytes in parts of at most 200 bytes (each under the 255 limit).</summary>
    internal static string DeepName(int length)
    {
        var parts = new List<string>();
        var left = length;
        while (left > 201)
        {
            parts.Add(new string('d', 200));
            left -= 201;
        }

        parts.Add(new string('f', left));
        return string.Join('/', parts);
    }
}
