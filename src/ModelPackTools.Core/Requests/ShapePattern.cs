using System.Text;
using System.Text.RegularExpressions;

namespace ModelPackTools.Requests;

/// <summary>
/// A botocore pattern, matched as the service matches it. The patterns are written unanchored (`[a-zA-Z0-9]...`)
/// but the service (Java's <c>Matcher.matches</c>) requires the whole value to match, so the translation wraps them
/// in <c>\A(?:...)\z</c>. The only place where Java regex syntax is turned into .NET syntax; see <see cref="Translate"/>.
/// </summary>
public sealed class ShapePattern(string source)
{
    private readonly Regex regex = new(Translate(source), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public string Source { get; } = source;

    public bool IsMatch(string value) => this.regex.IsMatch(value);

    /// <summary>
    /// Java and .NET differ in four ways that matter here:
    /// <list type="bullet">
    /// <item>`\d`, `\w` and `\s`/`\S` are ASCII in Java and Unicode in .NET: they are replaced by explicit ASCII classes
    /// (`\s` is Java's [ \t\n\x0B\f\r]);</item>
    /// <item>Java accepts a quantifier after `$` (CustomerMetadataKey is `(...)${1,128}`), which .NET refuses: a repeated
    /// end anchor is the anchor, so the quantifier is dropped;</item>
    /// <item>Java's `.` excludes every line terminator (\n, \r, U+0085, U+2028, U+2029), .NET's only \n;</item>
    /// <item>a .NET `$` also matches before a final newline, so the whole-string anchor is `\z`.</item>
    /// </list>
    /// `\p{L}`-style categories, `(?&lt;!-)` look-behind and character classes mean the same in both.
    /// </summary>
    public static string Translate(string javaPattern)
    {
        // `[\S]` (ContainerImage) is `\S` alone; written outside a class it gets the ASCII translation below.
        javaPattern = javaPattern.Replace(@"[\S]", @"\S", StringComparison.Ordinal);
        var text = new StringBuilder();
        var inClass = false;
        for (var i = 0; i < javaPattern.Length; i++)
        {
            var c = javaPattern[i];
            if (c == '\\' && i + 1 < javaPattern.Length)
            {
                var next = javaPattern[i + 1];
                var ascii = next switch
                {
                    'd' => "0-9",
                    'w' => "a-zA-Z0-9_",
                    's' => " \\t\\n\\x0B\\f\\r",
                    _ => null,
                };
                if (ascii is not null)
                {
                    text.Append(inClass ? ascii : "[" + ascii + "]");
                }
                else if (next == 'S')
                {
                    text.Append(inClass ? "\\S" : "[^ \\t\\n\\x0B\\f\\r]");
                }
                else
                {
                    text.Append(c).Append(next);
                }

                i++;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '.' && !inClass)
            {
                text.Append(@"[^\n\r\u0085\u2028\u2029]");
                continue;
            }
            else if (c == '$' && !inClass && i + 1 < javaPattern.Length && javaPattern[i + 1] == '{')
            {
                text.Append('$');
                i = javaPattern.IndexOf('}', i);
                continue;
            }

            text.Append(c);
        }

        return @"\A(?:" + text + @")\z";
    }

    public override string ToString() => this.Source;
}
