using ModelPackTools.Hashing;

namespace ModelPackTools.Cli.Commands;

/// <summary>How a fingerprint reads on a terminal: the ETag with its upload plan, then each checksum computed.</summary>
internal static class FingerprintText
{
    public static void Write(TextWriter output, string name, Fingerprint fingerprint, PartSizePolicy policy)
    {
        var plan = fingerprint.IsMultipart
            ? $"{Reporting.TextReportWriter.Plural(fingerprint.PartCount, "part")} of {ByteSize.Format(fingerprint.PartSize)}"
            : "single PUT";
        output.WriteLine($"{name}: {ByteSize.Format(fingerprint.Length)}, ETag \"{fingerprint.ETag}\" ({policy}: {plan})");
        foreach (var (label, value) in Checksums(fingerprint))
        {
            output.WriteLine($"  {label,-18} {value}");
        }
    }

    public static IEnumerable<(string Name, string Value)> Checksums(Fingerprint fingerprint)
    {
        (string, string?)[] all =
        [
            ("CRC32", fingerprint.Crc32),
            ("CRC32 (composite)", fingerprint.Crc32Composite),
            ("CRC32C", fingerprint.Crc32C),
            ("CRC32C (composite)", fingerprint.Crc32CComposite),
            ("CRC64NVME", fingerprint.Crc64Nvme),
            ("SHA256", fingerprint.Sha256),
            ("MD5 (hex)", fingerprint.Md5Hex),
            ("SHA-256 (hex)", fingerprint.Sha256Hex),
        ];
        return all.Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!));
    }
}
