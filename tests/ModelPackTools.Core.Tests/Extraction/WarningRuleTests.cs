using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Trees;
using static ModelPackTools.Core.Tests.Support.Checks;

namespace ModelPackTools.Core.Tests.Extraction;

/// <summary>Surprising but deployable layouts: warnings, never errors.</summary>
public class WarningRuleTests
{
    [Fact]
    public void Single_top_level_folder_is_the_classic_mistake()
    {
        var report = CheckArchive(new TarBuilder().Directory("model/").File("model/model.pth").File("model/code/inference.py").End().ToGzip());

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("MPK3004", diagnostic.Code);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void A_top_level_file_beside_the_folder_is_not_the_mistake()
    {
        Assert.Empty(CheckArchive(new TarBuilder().File("model.pth").File("code/inference.py").End().ToGzip()).Diagnostics);
    }

    [Theory]
    [InlineData("line\nbreak.bin", 0x0A)]
    [InlineData("esc\u001b[31m.bin", 0x1B)]
    [InlineData("c1\u0085.bin", 0x85)]
    public void Control_characters_are_a_warning(string key, int code)
    {
        var diagnostic = Assert.Single(CheckKeys("model.pth", key).Diagnostics);
        Assert.Equal("MPK3002", diagnostic.Code);
        Assert.Contains($"U+{code:X4}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslash_is_a_warning()
    {
        Assert.Equal(["MPK3003"], CheckKeys("model.pth", "code\\inference.py").Codes());
    }

    [Theory]
    [InlineData(".DS_Store")]
    [InlineData("code/__pycache__/inference.cpython-311.pyc")]
    [InlineData(".ipynb_checkpoints/notebook-checkpoint.ipynb")]
    [InlineData("._model.pth")]
    public void Stray_files_are_a_warning(string key)
    {
        Assert.Equal(["MPK3005"], CheckKeys("model.pth", key).Codes());
    }

    [Fact]
    public void Stray_folder_is_reported_once_not_per_file()
    {
        Assert.Single(CheckKeys("model.pth", "__pycache__/a.pyc", "__pycache__/b.pyc").Diagnostics);
    }

    [Fact]
    public void Invalid_utf8_name_is_a_warning()
    {
        var report = CheckArchive(new TarBuilder().Entry([0x63, 0x61, 0x66, 0xE9], '0', [1]).End().ToGzip());

        Assert.Equal(["MPK3007"], report.Codes());
    }

    [Fact]
    public void Folder_symlink_inside_the_tree_is_dereferenced_with_a_warning()
    {
        var report = CheckEntries(
            SourceKind.Directory,
            ExtractionMode.S3ObjectGzip,
            File("weights.bin"),
            new ModelEntry { Path = "latest.bin", Kind = EntryKind.SymbolicLink, LinkTarget = "weights.bin" });

        Assert.Equal(["MPK2017"], report.Codes());
    }

    [Theory]
    [InlineData("../../outside.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("../missing.bin")]
    [InlineData("../loop")]
    [InlineData("..")] // its own ancestor: dereferencing never ends
    [InlineData(".")]
    public void Folder_symlink_that_escapes_dangles_or_loops_is_an_error(string target)
    {
        var report = CheckEntries(
            SourceKind.Directory,
            ExtractionMode.S3ObjectGzip,
            File("weights.bin"),
            new ModelEntry { Path = "loop", Kind = EntryKind.SymbolicLink, LinkTarget = "loop2" },
            new ModelEntry { Path = "loop2", Kind = EntryKind.SymbolicLink, LinkTarget = "loop" },
            Directory("sub"),
            new ModelEntry { Path = "sub/link", Kind = EntryKind.SymbolicLink, LinkTarget = target });

        Assert.Equal(["MPK2016"], report.CodesFor("sub/link"));
    }
}
