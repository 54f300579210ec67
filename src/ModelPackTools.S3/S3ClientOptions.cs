using ModelPackTools.Diagnostics;

namespace ModelPackTools.S3;

/// <summary>How to reach S3, parsed once from the front-end's text by <see cref="Parse"/>.</summary>
/// <param name="EndpointUrl">An S3-compatible server (MinIO, moto, LocalStack); addressed path-style.</param>
/// <param name="Region">Null: the environment or profile's region, else us-east-1.</param>
/// <param name="Checksum">The additional checksum uploads send; <see cref="UploadChecksum.None"/> sends none at all.</param>
public sealed record S3ClientOptions(string? EndpointUrl = null, string? Region = null, UploadChecksum Checksum = UploadChecksum.Crc64Nvme)
{
    // The SDK's standard retry mode backs off on throttling and 5xx; five attempts ride out a flaky connection.
    public int MaxAttempts { get; init; } = 5;

    /// <param name="checksumAlgorithm">CRC64NVME, CRC32 or none (any case); null or empty: CRC64NVME, as the AWS CLI v2 sends.</param>
    /// <exception cref="ModelPackException">MPK9004 naming the setting that is wrong.</exception>
    public static S3ClientOptions Parse(string? endpointUrl, string? region, string? checksumAlgorithm)
    {
        if (!string.IsNullOrEmpty(endpointUrl) && (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw ModelPackException.ForSetting(SettingNames.EndpointUrl, DiagnosticCatalog.InvalidOption, $"'{endpointUrl}' is not an http(s) URL");
        }

        var checksum = (checksumAlgorithm ?? string.Empty).ToUpperInvariant() switch
        {
            "" or "CRC64NVME" => UploadChecksum.Crc64Nvme,
            "CRC32" => UploadChecksum.Crc32,
            "NONE" => UploadChecksum.None,
            _ => throw ModelPackException.ForSetting(
                SettingNames.ChecksumAlgorithm, DiagnosticCatalog.InvalidOption, $"'{checksumAlgorithm}' is not a checksum algorithm: use CRC64NVME, CRC32 or none"),
        };
        return new S3ClientOptions(string.IsNullOrEmpty(endpointUrl) ? null : endpointUrl, string.IsNullOrEmpty(region) ? null : region, checksum);
    }
}
