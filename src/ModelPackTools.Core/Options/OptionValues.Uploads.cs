using ModelPackTools.Diagnostics;
using ModelPackTools.Hashing;

namespace ModelPackTools.Options;

// The options that decide ETags and checksums: part sizes (an uploader's or a fixed size) and the checksums to compute.
public static partial class OptionValues
{
    public const string DefaultChecksums = "crc64nvme,sha256";

    private static readonly Dictionary<string, FingerprintKinds> ChecksumNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = FingerprintKinds.None,
        ["crc32"] = FingerprintKinds.Crc32,
        ["crc32-composite"] = FingerprintKinds.Crc32Composite,
        ["crc32c"] = FingerprintKinds.Crc32C,
        ["crc32c-composite"] = FingerprintKinds.Crc32CComposite,
        ["crc64nvme"] = FingerprintKinds.Crc64Nvme,
        ["sha256"] = FingerprintKinds.Sha256,
        ["md5-hex"] = FingerprintKinds.Md5Hex,
        ["sha256-hex"] = FingerprintKinds.Sha256Hex,
        ["all"] = FingerprintKinds.All & ~FingerprintKinds.ETag,
    };

    /// <summary>
    /// The upload's part sizes from a size ("64MiB") or an uploader ("aws-cli", "boto3", "dotnet", "single"), not both;
    /// default aws-cli. A size outside S3's limits is refused here, with the numbers.
    /// </summary>
    public static bool TryParsePartSizes(string? partSize, string? uploader, out PartSizePolicy policy, out Diagnostic? problem)
    {
        problem = null;
        policy = PartSizePolicy.AwsCli;
        if (!string.IsNullOrEmpty(partSize) && !string.IsNullOrEmpty(uploader))
        {
            return Fail(SettingNames.PartSize, "give a part size or an uploader, not both", out problem);
        }

        if (!string.IsNullOrEmpty(partSize) && !char.IsAsciiDigit(partSize.Trim().FirstOrDefault()))
        {
            return Fail(SettingNames.PartSize, $"'{partSize}' is not a size such as 8MiB; name an uploader as the uploader instead", out problem);
        }

        var setting = string.IsNullOrEmpty(partSize) ? SettingNames.Uploader : SettingNames.PartSize;
        var text = string.IsNullOrEmpty(partSize) ? uploader : partSize;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            policy = PartSizePolicy.Parse(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or S3LimitException or OverflowException)
        {
            return Fail(setting, e.Message, out problem);
        }
    }

    /// <summary>Comma-separated checksums to compute beside the ETag; default crc64nvme,sha256.</summary>
    public static bool TryParseChecksums(string? text, out FingerprintKinds kinds, out Diagnostic? problem)
    {
        problem = null;
        kinds = FingerprintKinds.ETag;
        foreach (var name in (string.IsNullOrEmpty(text) ? DefaultChecksums : text).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ChecksumNames.TryGetValue(name, out var kind))
            {
                kinds = FingerprintKinds.ETag;
                return Fail(SettingNames.Checksums, $"unknown checksum '{name}' (use {string.Join(", ", ChecksumNames.Keys)})", out problem);
            }

            kinds |= kind;
        }

        return true;
    }
}
