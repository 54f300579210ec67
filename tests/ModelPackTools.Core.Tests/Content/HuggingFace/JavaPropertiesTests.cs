using ModelPackTools.Content.HuggingFace;

namespace ModelPackTools.Core.Tests.Content.HuggingFace;

/// <summary>serving.properties read as java.util.Properties.load reads it.</summary>
public sealed class JavaPropertiesTests
{
    [Fact]
    public void Equals_colon_and_blank_all_separate_and_leading_blanks_of_values_are_dropped()
    {
        var properties = JavaProperties.Parse("engine=Python\noption.model_id : TheBloke/Llama-2-7B\noption.dtype   fp16\n  option.rolling_batch=\t vllm\n");

        Assert.Equal("Python", properties["engine"]);
        Assert.Equal("TheBloke/Llama-2-7B", properties["option.model_id"]);
        Assert.Equal("fp16", properties["option.dtype"]);
        Assert.Equal("vllm", properties["option.rolling_batch"]);
        Assert.Empty(properties.KeysWithoutValue);
    }

    [Fact]
    public void Comments_and_blank_lines_are_skipped_and_a_comment_is_never_continued()
    {
        var properties = JavaProperties.Parse("# engine=MPI \\\nengine=Python\r\n! option.x=1\r\n\r\n   \n");

        Assert.Equal(["engine"], properties.Values.Keys);
        Assert.Equal(2, properties.Values["engine"].Line);
    }

    [Fact]
    public void A_trailing_backslash_continues_the_line_without_the_next_lines_indent()
    {
        var properties = JavaProperties.Parse("option.model_id=s3://bucket/\\\n    llama/\nengine=MPI\n");

        Assert.Equal("s3://bucket/llama/", properties["option.model_id"]);
        Assert.Equal(3, properties.Values["engine"].Line);
    }

    [Fact]
    public void An_even_number_of_backslashes_is_an_escaped_backslash_not_a_continuation()
    {
        Assert.Equal(@"C:\", JavaProperties.Parse("path=C:\\\\\nengine=MPI\n")["path"]);
    }

    [Fact]
    public void Escapes_are_read_and_an_escaped_separator_belongs_to_the_key()
    {
        var properties = JavaProperties.Parse("a\\=b=c\\td\nname=\\u0041x\n");

        Assert.Equal("c\td", properties["a=b"]);
        Assert.Equal("Ax", properties["name"]);
    }

    [Fact]
    public void Trailing_blanks_of_a_value_are_kept_as_Java_keeps_them()
    {
        Assert.Equal("Python ", JavaProperties.Parse("engine=Python \n")["engine"]);
    }

    [Theory]
    [InlineData("option.model_id=C:\\users\\me\\llama\n")]
    [InlineData("a=\\u12\n")]
    [InlineData("a=\\u12G4\n")]
    public void A_malformed_unicode_escape_is_reported_by_line(string text)
    {
        Assert.Equal([1], JavaProperties.Parse(text).MalformedLines);
    }

    [Fact]
    public void A_lone_word_is_a_key_without_value_but_an_explicit_empty_value_is_not()
    {
        var properties = JavaProperties.Parse("engine=Python\nmeta-llama/Llama-3.1-8B\noption.quantize=\nengine2   \n");

        Assert.Equal([("meta-llama/Llama-3.1-8B", 2), ("engine2", 4)], properties.KeysWithoutValue.Select(p => (p.Key, p.Line)));
    }

    [Fact]
    public void The_bytes_are_ISO_8859_1()
    {
        Assert.Equal("caf\u00c3\u00a9", JavaProperties.Parse("x=caf\u00e9"u8)["x"]);
    }
}
