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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} +(?<size>\d+) (?<key>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsS3LsLine();
}
