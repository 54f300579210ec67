namespace ModelPackTools.S3;

/// <summary>An `s3://bucket/key-or-prefix` URI, split without any network access.</summary>
public sealed record S3Location(string Bucket, string Key)
{
    public bool IsPrefix => this.Key.Length == 0 || this.Key.EndsWith('/');

    public static bool TryParse(string uri, out S3Location? location)
    {
        location = null;
        if (!uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = uri[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            return false;
        }

        location = new S3Location(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
        return true;
    }

    public static S3Location Parse(string uri) =>
        TryParse(uri, out var location) ? location! : throw new FormatException($"'{uri}' is not an s3://bucket/key URI");

    public override string ToString() => $"s3://{this.Bucket}/{this.Key}";
}
