using System.Globalization;
using CsvHelper;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Manifests;

/// <summary>Reads a manifest written by <see cref="ManifestWriter"/>; columns are found by header name.</summary>
public static class ManifestReader
{
    public static bool LooksLikeManifest(ReadOnlySpan<byte> head) =>
        head.StartsWith("s3_uri,key,size,etag"u8) || head.StartsWith("\uFEFFs3_uri,key,size,etag"u8);

    public static List<ManifestRow> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true, Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
            var rows = new List<ManifestRow>();
            while (csv.Read())
            {
                rows.Add(new ManifestRow(
                    Field(csv, "s3_uri", path),
                    Field(csv, "key", path),
                    Number(csv, "size", path),
                    Field(csv, "etag", path),
                    Number(csv, "part_size", path),
                    (int)Number(csv, "part_count", path),
                    Field(csv, "crc64nvme", path),
                    Field(csv, "sha256", path),
                    Optional(csv, "crc32")));
            }

            return rows;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, path, e.Message);
        }
    }

    private static string Field(CsvReader csv, string column, string path) =>
        csv.TryGetFieldIndex(column, out var index)
            ? csv.GetString(index)
            : throw new ModelPackException(DiagnosticCatalog.UnreadableInput, $"'{path}' is not a modelpack manifest: no '{column}' column");

    // A column added after the first release: manifests written before it simply lack it.
    private static string Optional(CsvReader csv, string column) =>
        csv.TryGetFieldIndex(column, out var index) ? csv.GetString(index) : string.Empty;

    private static long Number(CsvReader csv, string column, string path)
    {
        var text = Field(csv, column, path);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ModelPackException(DiagnosticCatalog.UnreadableInput, $"'{path}' line {csv.LineNumber}: {column} '{text}' is not a number");
    }
}
