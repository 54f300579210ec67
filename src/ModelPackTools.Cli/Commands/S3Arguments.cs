using System.CommandLine;
using ModelPackTools.S3;

namespace ModelPackTools.Cli.Commands;

/// <summary>The --endpoint-url/--region options shared by every command that talks to S3.</summary>
internal sealed class S3Arguments
{
    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "An S3-compatible server to use instead of AWS (addressed path-style), e.g. http://127.0.0.1:9000.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region, else us-east-1.",
    };

    public IEnumerable<Option> All => [this.EndpointUrl, this.Region];

    /// <summary>Parsed by the S3 client's own parser; a wrong value throws its coded failure.</summary>
    public S3ClientOptions Parse(ParseResult parse, string? checksumAlgorithm = "none") =>
        S3ClientOptions.Parse(parse.GetValue(this.EndpointUrl), parse.GetValue(this.Region), checksumAlgorithm);
}
