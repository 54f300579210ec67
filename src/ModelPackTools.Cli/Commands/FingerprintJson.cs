using System.Text.Json;
using ModelPackTools.Hashing;

namespace ModelPackTools.Cli.Commands;

/// <summary>A fingerprint as a JSON object; only computed checksums appear, property names as S3 spells them.</summary>
internal static class FingerprintJson
{
    public static void Write(Utf8JsonWriter json, Fingerprint fingerprint, PartSizePolicy policy)
    {
        json.WriteNumber("size", fingerprint.Length);
        json.WriteString("etag", fingerprint.ETag);
        json.WriteString("uploader", policy.ToString());
        json.WriteBoolean("multipart", fingerprint.IsMultipart);
        // A single PUT has no parts, whatever its length (an empty file and a 1-byte file alike): 0 and 0.
        json.WriteNumber("partSize", fingerprint.IsMultipart ? fingerprint.PartSize : 0);
        json.WriteNumber("partCount", fingerprint.IsMultipart ? fingerprint.PartCount : 0);
        json.WriteStartObject("checksums");
        WriteIf(json, "ChecksumCRC32", fingerprint.Crc32);
        WriteIf(json, "ChecksumCRC32Composite", fingerprint.Crc32Composite);
        WriteIf(json, "ChecksumCRC32C", fingerprint.Crc32C);
        WriteIf(json, "ChecksumCRC32CComposite", fingerprint.Crc32CComposite);
        WriteIf(json, "ChecksumCRC64NVME", fingerprint.Crc64Nvme);
        WriteIf(json, "ChecksumSHA256", fingerprint.Sha256);
        WriteIf(json, "md5Hex", fingerprint.Md5Hex);
        WriteIf(json, "sha256Hex", fingerprint.Sha256Hex);
        json.WriteEndObject();
    }

    private static void WriteIf(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
