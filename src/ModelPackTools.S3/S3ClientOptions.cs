namespace ModelPackTools.S3;

/// <summary>How to reach S3, parsed once by the front-end.</summary>
/// <param name="EndpointUrl">An S3-compatible server (MinIO, s3rver, LocalStack); addressed path-style.</param>
/// <param name="Region">Null: the environment or profile's region, else us-east-1.</param>
/// <param name="Checksum">The additional checksum uploads send; <see cref="UploadChecksum.None"/> sends none at all.</param>
public sealed record S3ClientOptions(string? EndpointUrl = null, string? Region = null, UploadChecksum Checksum = UploadChecksum.Crc64Nvme)
{
    // The SDK's standard retry mode backs off on throttling and 5xx; five attempts ride out a flaky connection.
    public int MaxAttempts { get; init; } = 5;
}
