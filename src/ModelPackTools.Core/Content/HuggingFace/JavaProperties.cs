using System.Globalization;
using System.Text;

namespace ModelPackTools.Content.HuggingFace;

/// <summary>
/// A `.properties` file read as java.util.Properties.load(InputStream) reads it, which is how DJL Serving reads
/// serving.properties (deepjavalibrary/djl-serving wlm/.../ModelInfo.java, loadServingProperties): ISO-8859-1 bytes;
/// blank lines and lines whose first non-blank character is `#` or `!` skipped; a line ending in an odd number of
/// backslashes continued on the next, whose leading blanks are dropped; the key runs to the first unescaped `=`, `:`
/// or blank, then blanks, at most one `=` or `:` and blanks again are skipped, and the rest is the value, trailing
/// blanks included; `\t \n \r \f \uXXXX` are escapes and any other backslash just quotes the next character. A later
/// key replaces an earlier one.
/// </summary>
public sealed class JavaProperties
{
    private JavaProperties(IReadOnlyDictionary<string, Property> values, IReadOnlyList<Property> withoutValue, IReadOnlyList<int> malformed)
    {
        this.Values = values;
        this.KeysWithoutValue = withoutValue;
        this.MalformedLines = malformed;
    }

    /// <summary>Every key and its last value, with the line it starts on.</summary>
    public IReadOnlyDictionary<string, Property> Values { get; }

    /// <summary>
    /// Lines that are a key alone (no separator, no value). Java takes them as a key with an empty value; in practice
    /// they are a value pasted without its key, or a key whose value was never written.
    /// </summary>
    public IReadOnlyList<Property> KeysWithoutValue { get; }

    /// <summary>Lines with a `\u` escape that is not four hex digits: Properties.load throws on them, so nothing loads.</summary>
    public IReadOnlyList<int> MalformedLines { get; }

    public string? this[string key] => this.Values.TryGetValue(key, out var property) ? property.Value : null;

    public static JavaProperties Parse(ReadOnlySpan<byte> bytes) => Parse(Encoding.Latin1.GetString(bytes));

    public static JavaProperties Parse(string text)
    {
        var values = new Dictionary<string, Property>(StringComparer.Ordinal);
        var withoutValue = new List<Property>();
        var malformed = new List<int>();
        foreach (var (line, number) in LogicalLines(text))
        {
            var (key, value, separated) = Split(line, out var badEscape);
            if (badEscape)
            {
                malformed.Add(number);
                continue;
            }

            var property = new Property(key, value, number);
            values[key] = property;
            if (!separated && value.Length == 0)
            {
                withoutValue.Add(property);
            }
        }

        return new JavaProperties(values, withoutValue, malformed);
    }

    // Natural lines end at \n, \r or \r\n; a logical line is natural lines joined by their trailing backslashes.
    private static IEnumerable<(string Line, int Number)> LogicalLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var line = lines[i].TrimStart(' ', '\t', '\f');
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue; // a comment is never continued, even when it ends in a backslash
            }

            var joined = new StringBuilder();
            while (EndsInOddBackslashes(line) && i + 1 < lines.Length)
            {
                joined.Append(line, 0, line.Length - 1);
                line = lines[++i].TrimStart(' ', '\t', '\f');
            }

            // A final line ending in a backslash: Java drops that backslash.
            joined.Append(EndsInOddBackslashes(line) ? line[..^1] : line);
            yield return (joined.ToString(), start + 1);
        }
    }

    private static bool EndsInOddBackslashes(string line)
    {
        var count = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    // Separated: by an `=` or `:`; a blank alone separates too, but a key followed only by blanks has no value.
    private static (string Key, string Value, bool Separated) Split(string line, out bool badEscape)
    {
        var keyEnd = 0;
        while (keyEnd < line.Length && line[keyEnd] is not ('=' or ':' or ' ' or '\t' or '\f'))
        {
            keyEnd += line[keyEnd] == '\\' ? 2 : 1;
        }

        keyEnd = Math.Min(keyEnd, line.Length);
        var valueStart = keyEnd;
        while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '\f')
        {
            valueStart++;
        }

        var separated = valueStart < line.Length && line[valueStart] is '=' or ':';
        if (separated)
        {
            valueStart++;
            while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '\f')
            {
                valueStart++;
            }
        }

        var key = Unescape(line[..keyEnd], out var badKey);
        var value = Unescape(line[valueStart..], out var badValue);
        badEscape = badKey || badValue;
        return (key, value, separated);
    }

    private static string Unescape(string text, out bool bad)
    {
        bad = false;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var c = text[++i];
            if (c == 'u')
            {
                if (text.Length - (i + 1) < 4 ||
                    !ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    bad = true;
                    return string.Empty;
                }

                result.Append((char)code);
                i += 4;
                continue;
            }

            result.Append(c switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => c });
        }

        return result.ToString();
    }

    /// <summary>One key of the file, its value and the 1-based line its logical line starts on.</summary>
    public sealed record Property(string Key, string Value, int Line);
}
