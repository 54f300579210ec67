using System.Globalization;
using System.Text.RegularExpressions;
using ModelPackTools.Diagnostics;
using ModelPackTools.S3;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// A plain list of keys, one a line: bare keys, `s3://bucket/key` URIs, or the lines `aws s3 ls --recursive` prints
/// (date, time, size, key). Lines are not trimmed beyond a CR: spaces are legal at both ends of a key.
/// </summary>
public static partial class KeyListSource
{
    public static ModelTree Read(string path, string? prefix)
    {
        using var stream = ListObjectsJsonSource.OpenRead(path);
        using var reader = new StreamReader(stream);
        var builder = new ListingBuilder(path, prefix ?? string.Empty);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var ls = AwsS3LsLine().Match(line);
            if (ls.Success)
            {
                builder.Add(ls.Groups["key"].Value, long.Parse(ls.Groups["size"].Value, CultureInfo.InvariantCulture), null);
            }
            else if (line.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            {
                var location = S3Location.TryParse(line, out var parsed)
                    ? parsed!
                    : throw new ModelPackException(DiagnosticCatalog.UnreadableInput, $"'{path}': '{line}' is not an s3://bucket/key URI");
                builder.Add(location.Key, -1, null);
            }
            else
            {
                builder.Add(line, -1, null);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// True when a file's first bytes read as a key list: UTF-8 text whose lines are nearly all keys, `s3://` URIs or
    /// `aws s3 ls` lines. A key line has no leading blank or tab and, if it has spaces, a '/' (prose and source code
    /// fail both). <paramref name="truncated"/>: the sample was cut, so its last line may be partial.
    /// </summary>
    public static bool LooksLikeKeys(ReadOnlySpan<byte> sample, bool truncated, out string problem)
    {
        problem = string.Empty;
        var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
        string decoded;
        try
        {
            decoded = text.GetString(truncated ? sample[..TrimPartialSequence(sample)] : sample);
        }
        catch (System.Text.DecoderFallbackException)
        {
            problem = "text that is not UTF-8 (S3 keys always are)";
            return false;
        }

        var lines = decoded.Split('\n');
        var count = truncated ? lines.Length - 1 : lines.Length;
        int nonEmpty = 0, keys = 0;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            nonEmpty++;
            if (AwsS3LsLine().IsMatch(line) || line.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ||
                (line.Length <= 1024 && !char.IsWhiteSpace(line[0]) && !line.Contains('\t', StringComparison.Ordinal) &&
                 (!line.Contains(' ', StringComparison.Ordinal) || line.Contains('/', StringComparison.Ordinal))))
            {
                keys++;
            }
        }

        if (keys * 10 >= nonEmpty * 9)
        {
            return true;
        }

        problem = $"text that is not a list of S3 keys ({nonEmpty - keys} of the first {nonEmpty} lines are not keys)";
        return false;
    }

    private static int TrimPartialSequence(ReadOnlySpan<byte> sample)
    {
        // Drop a UTF-8 sequence cut by the end of the sample: up to three continuation bytes and their lead byte.
        var end = sample.Length;
        for (var back = 0; back < 4 && end > 0 && sample[end - 1] >= 0x80; back++)
        {
            end--;
            if (sample[end] >= 0xC0)
            {
                break;
            }
        }

        return end;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} +(?<size>\d+) (?<key>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsS3LsLine();
}
