using ModelPackTools.Requests;

namespace ModelPackTools.Core.Tests.Requests;

public sealed class ShapePatternTests
{
    [Fact]
    public void Every_pattern_of_the_embedded_model_compiles_in_dotnet()
    {
        var patterns = ShapeModel.CreateModelPackage.Shapes.Where(s => s.Pattern is not null).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, s => s.Pattern!.IsMatch(string.Empty));
    }

    [Theory]
    [InlineData("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "abc", true)]
    [InlineData("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "abc-", false)]
    [InlineData("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "abc\n", false)]
    [InlineData("([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}", "team: ml-ops", true)]
    [InlineData("([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}", "a#b", false)]
    [InlineData("\\d{1,4}.\\d{1,4}.\\d{1,4}", "1.0.0", true)]
    [InlineData("\\d{1,4}.\\d{1,4}.\\d{1,4}", "\u0661.0.0", false)]
    [InlineData("[-\\w]+\\/.+", "application/json", true)]
    [InlineData("[-\\w]+\\/.+", "\u00e9/json", false)]
    [InlineData("[\\S]+", "a\u00a0b", true)]
    [InlineData("[\\S]+", "a b", false)]
    [InlineData(".*", "line\rbreak", false)]
    public void Java_patterns_match_the_whole_value_with_java_semantics(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, new ShapePattern(pattern).IsMatch(value));
    }
}
