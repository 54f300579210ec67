using System.Globalization;
using CsvHelper;

namespace ModelPackTools.Manifests;

/// <summary>Writes a manifest as RFC 4180 CSV (CsvHelper): a header row, then one row per object sorted by key.</summary>
public static class ManifestWriter
{
    public static void Write(IEnumerable<ManifestRow> rows, Stream output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.None }, leaveOpen: true);
        csv.WriteRecord([.. ManifestFormat.Columns]);
        foreach (var row in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            csv.WriteRecord(
            [
                row.S3Uri,
                row.Key,
                row.Size.ToString(CultureInfo.InvariantCulture),
                row.ETag,
                row.PartSize.ToString(CultureInfo.InvariantCulture),
                row.PartCount.ToString(CultureInfo.InvariantCulture),
                row.Crc64Nvme,
                row.Sha256,
                row.Crc32,
            ]);
        }

        csv.Flush();
    }
}
