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

    public S3ClientOptions? TryParse(ParseResult parse, UploadChecksum checksum, out string? problem)
    {
        problem = null;
        var endpoint = parse.GetValue(this.EndpointUrl);
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problem = $"--endpoint-url '{endpoint}' is not an http(s) URL";
            return null;
        }

        return new S3ClientOptions(endpoint, parse.GetValue(this.Region), checksum);
    }
}
