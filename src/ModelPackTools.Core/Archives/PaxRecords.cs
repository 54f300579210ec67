using System.Globalization;
using System.Text;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Archives;

/// <summary>
/// Parses a PAX extended header ("%d %s=%s\n" records). Written by hand because System.Formats.Tar keeps the last of
/// two records with the same key and throws on others, and a key given twice is exactly what the rules must see:
/// two extractors may pick different values. Values stay raw bytes: a path may be invalid UTF-8 or hold a NUL,
/// and the rules must see that too.
/// </summary>
internal static class PaxRecords
{
    public static Dictionary<string, byte[]> Parse(ReadOnlySpan<byte> data, string context, List<string> problems)
    {
        var records = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (!data.IsEmpty)
        {
            // Writers pad the data block with NULs; a NUL where a record should start ends the records.
            if (data[0] == 0)
            {
                break;
            }

            var space = data.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(data[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= space + 1 || length > data.Length)
            {
                throw new ArchiveFormatException(DiagnosticCatalog.MalformedHeader, $"{context}: a PAX record has a bad length");
            }

            var record = data[(space + 1)..length];
            if (record[^1] != (byte)'\n')
            {
                throw new ArchiveFormatException(DiagnosticCatalog.MalformedHeader, $"{context}: a PAX record does not end with a newline");
            }

            var equals = record.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw new ArchiveFormatException(DiagnosticCatalog.MalformedHeader, $"{context}: a PAX record has no key");
            }

            var key = Encoding.UTF8.GetString(record[..equals]);
            var value = record[(equals + 1)..^1].ToArray();
            if (!records.TryAdd(key, value) && !IsRepeatedByFormat(key))
            {
                problems.Add($"{context}: the PAX key '{key}' is given twice ('{Encoding.UTF8.GetString(records[key])}' and '{Encoding.UTF8.GetString(value)}')");
                records[key] = value;
            }

            data = data[length..];
        }

        return records;
    }

    /// <summary>GNU sparse format 0.0 writes one offset/numbytes pair per data region: the repetition is the map.</summary>
    private static bool IsRepeatedByFormat(string key) => key is "GNU.sparse.offset" or "GNU.sparse.numbytes";
}
