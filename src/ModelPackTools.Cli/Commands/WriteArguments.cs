using System.CommandLine;
using ModelPackTools.Options;

namespace ModelPackTools.Cli.Commands;

/// <summary>
/// The options that say how output is written (--level, --threads, --part-size, --uploader, --checksums), declared
/// once; their values go to the engine as text (<see cref="WriteText"/>), with SOURCE_DATE_EPOCH from the environment.
/// </summary>
internal sealed class WriteArguments(string threadsDescription)
{
    public Option<string?> Level { get; } = new("--level") { Description = "gzip level 0-9 (0 stores; default 6, gzip's own)." };

    public Option<string?> Threads { get; } = new("--threads") { Description = threadsDescription + " Default: all cores." };

    public Option<string?> PartSize { get; } = new("--part-size")
    {
        Description = "Multipart part size the upload will use, e.g. 8MiB, 64MiB or 5242880 (MB = 1000^2, MiB = 1024^2). " +
                      "The ETag of a multipart upload depends on it.",
    };

    public Option<string?> Uploader { get; } = new("--uploader")
    {
        Description = "Predict the part sizes and the checksum S3 will hold after an uploader: aws-cli (AWS CLI v1, also boto3: " +
                      "8 MiB, doubled to fit 10,000 parts; CRC32, composite for multipart), aws-cli-v2 (the same parts; CRC64NVME), " +
                      "dotnet (AWSSDK.S3 4.x TransferUtility: multipart from 16 MiB, parts of max(8 MiB, size/10000); full-object CRC32), " +
                      "dotnet-v3 (AWSSDK.S3 3.x: the same with max(5 MiB, size/10000)) or single (one PUT). Default: aws-cli.",
    };

    public Option<string?> Checksums { get; } = new("--checksums")
    {
        Description = "Comma-separated S3 checksums to compute with the ETag: crc32, crc32c, crc64nvme, sha256 (full-object or " +
                      "composite as S3 reports them), crc32-composite, crc32c-composite, md5-hex, sha256-hex, all or none. " +
                      "Default: " + OptionValues.DefaultChecksums + ".",
    };

    public IEnumerable<Option> PartSizes => [this.PartSize, this.Uploader];

    public IEnumerable<Option> Fingerprint => [this.PartSize, this.Uploader, this.Checksums];

    /// <summary>Parsed by the engine; a wrong value throws its coded failure. Threads default to every core.</summary>
    public WriteSettings Parse(ParseResult parse) => SettingsParser.Parse(
        new WriteText
        {
            Level = parse.GetValue(this.Level),
            Threads = parse.GetValue(this.Threads),
            SourceDateEpoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"),
            PartSize = parse.GetValue(this.PartSize),
            Uploader = parse.GetValue(this.Uploader),
            Checksums = parse.GetValue(this.Checksums),
        },
        Environment.ProcessorCount);
}
