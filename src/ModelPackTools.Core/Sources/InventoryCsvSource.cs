using System.Globalization;
using CsvHelper;
using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Sources;

/// <summary>
/// An S3 Inventory report in CSV. Inventory files have no header row; their columns are named in the report's
/// manifest.json (fileSchema) and always start with Bucket and Key, the key URL-encoded. A header row, if someone
/// added one, is honoured; otherwise Size is the first all-digit column after Key and ETag the first MD5-shaped one.
/// Rows of old versions and delete markers are skipped when the schema names IsLatest or IsDeleteMarker.
/// </summary>
public static class InventoryCsvSource
{
    public static ModelTree Read(string path, string? prefix)
    {
        using var stream = ListObjectsJsonSource.OpenRead(path);
        var csvOptions = new CsvReaderOptions { HasHeader = false, Separator = ',', TrackLineNumbers = true };
        using var csv = CsvReader.Create(stream, csvOptions, leaveOpen: true);
        var builder = new ListingBuilder(path, prefix ?? string.Empty);
        Dictionary<string, int>? columns = null;
        var first = true;
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = csv.GetString(i);
            }

            if (first)
            {
                first = false;
                if (row.Length > 1 && row[1].Equals("Key", StringComparison.OrdinalIgnoreCase))
                {
                    columns = row.Select((name, index) => (name.Trim(), index)).ToDictionary(p => p.Item1, p => p.index, StringComparer.OrdinalIgnoreCase);
                    continue;
                }
            }

            if (row.Length < 2)
            {
                throw new ModelPackException(DiagnosticCatalog.UnreadableInput, $"'{path}': line {csv.LineNumber} is not an S3 Inventory row (Bucket,Key,...)");
            }

            if (columns is not null && IsHistoric(row, columns))
            {
                continue;
            }

            var key = DecodeKey(row[1]);
            var size = columns is not null && columns.TryGetValue("Size", out var sizeColumn) && sizeColumn < row.Length
                ? ParseSize(row[sizeColumn])
                : row.Skip(2).Select(ParseSize).FirstOrDefault(s => s >= 0, -1);
            var etag = columns is not null && columns.TryGetValue("ETag", out var etagColumn) && etagColumn < row.Length
                ? row[etagColumn]
                : row.Skip(2).FirstOrDefault(LooksLikeETag);
            builder.Add(key, size, etag);
        }

        return builder.Build();
    }

    // Inventory encodes keys like an HTML form: '+' for a space, %XX for the rest.
    private static string DecodeKey(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static bool IsHistoric(string[] row, Dictionary<string, int> columns) =>
        (columns.TryGetValue("IsLatest", out var latest) && latest < row.Length && row[latest].Equals("false", StringComparison.OrdinalIgnoreCase)) ||
        (columns.TryGetValue("IsDeleteMarker", out var marker) && marker < row.Length && row[marker].Equals("true", StringComparison.OrdinalIgnoreCase));

    private static long ParseSize(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : -1;

    private static bool LooksLikeETag(string value)
    {
        var hex = value.Split('-')[0];
        return hex.Length == 32 && hex.All(char.IsAsciiHexDigit);
    }
}
