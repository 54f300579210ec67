using ModelPackTools.Selection;

namespace ModelPackTools.Core.Tests.Selection;

public sealed class PathSelectionTests
{
    [Theory]
    [InlineData("*.tmp", "a.tmp", false)]
    [InlineData("*.tmp", "deep/in/a.tmp", false)]
    [InlineData("*.tmp", "a.tmp.bin", true)]
    [InlineData("weights/*.bin", "weights/a.bin", false)]
    [InlineData("weights/*.bin", "weights/sub/a.bin", true)]
    [InlineData("weights/**/*.bin", "weights/sub/a.bin", false)]
    [InlineData("weights/**/*.bin", "weights/a.bin", false)]
    [InlineData("**/__pycache__", "code/__pycache__/x.pyc", false)]
    [InlineData("notes", "notes/readme.md", false)]
    [InlineData("a?c", "abc", false)]
    [InlineData("a?c", "a/c", true)]
    public void Exclude_globs_follow_gitignore_habits(string glob, string path, bool included)
    {
        Assert.Equal(included, new PathSelection([], [glob]).Includes(path));
    }

    [Fact]
    public void Include_globs_take_folders_whole_and_exclude_wins()
    {
        var selection = new PathSelection(["code", "*.json"], ["code/tests"]);

        Assert.True(selection.Includes("code/inference.py"));
        Assert.True(selection.Includes("sub/config.json"));
        Assert.False(selection.Includes("code/tests/test_x.py"));
        Assert.False(selection.Includes("weights.bin"));
    }
}
