using System.CommandLine;
using ModelPackTools.Hashing;

namespace ModelPackTools.Cli.Commands;

/// <summary>The --part-size/--uploader/--checksums options that every command predicting an ETag shares.</summary>
internal sealed class FingerprintArguments
{
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

    public Option<string?> PartSize { get; } = new("--part-size")
    {
        Description = "Multipart part size the upload will use, e.g. 8MiB, 64MiB or 5242880 (MB = 1000^2, MiB = 1024^2). " +
                      "The ETag of a multipart upload depends on it.",
    };

    public Option<string?> Uploader { get; } = new("--uploader")
    {
        Description = "Predict the part sizes of an uploader: aws-cli (also boto3: 8 MiB, doubled to fit 10,000 parts), " +
                      "dotnet (TransferUtility: multipart from 16 MiB, parts of max(5 MiB, size/10000)) or single (one PUT). Default: aws-cli.",
    };

    public Option<string> Checksums { get; } = new("--checksums")
    {
        Description = "Comma-separated S3 checksums to compute with the ETag: crc32, crc32c, crc64nvme, sha256 (full-object or " +
                      "composite as S3 reports them), crc32-composite, crc32c-composite, md5-hex, sha256-hex, all or none.",
        DefaultValueFactory = _ => "crc64nvme,sha256",
    };

    public IEnumerable<Option> All => [this.PartSize, this.Uploader, this.Checksums];

    /// <summary>For commands whose checksums are fixed by their output format (the manifest).</summary>
    public IEnumerable<Option> PartSizeOnly => [this.PartSize, this.Uploader];

    /// <summary>Parses the three options into engine options, or returns the one-line reason they are wrong.</summary>
    public FingerprintOptions? TryParse(ParseResult parse, out string? problem)
    {
        problem = null;
        var partSize = parse.GetValue(this.PartSize);
        var uploader = parse.GetValue(this.Uploader);
        if (partSize is not null && uploader is not null)
        {
            problem = "give --part-size or --uploader, not both";
            return null;
        }

        PartSizePolicy policy;
        try
        {
            policy = PartSizePolicy.Parse(partSize ?? uploader ?? "aws-cli");
            if (partSize is not null && !char.IsAsciiDigit(partSize.Trim().FirstOrDefault()))
            {
                problem = $"--part-size takes a size such as 8MiB; for '{partSize}' use --uploader";
                return null;
            }
        }
        catch (Exception e) when (e is FormatException or S3LimitException or OverflowException)
        {
            problem = e.Message;
            return null;
        }

        var kinds = FingerprintKinds.ETag;
        foreach (var name in (parse.GetValue(this.Checksums) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ChecksumNames.TryGetValue(name, out var kind))
            {
                problem = $"unknown checksum '{name}' (use {string.Join(", ", ChecksumNames.Keys)})";
                return null;
            }

            kinds |= kind;
        }

        return new FingerprintOptions(kinds, policy);
    }
}
