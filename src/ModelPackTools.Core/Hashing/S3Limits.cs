namespace ModelPackTools.Hashing;

// Amazon S3's documented multipart limits. Every part but the last must be at least MinPartSize.
public static class S3Limits
{
    public const long MinPartSize = 5L * 1024 * 1024;

    public const long MaxPartSize = 5L * 1024 * 1024 * 1024;

    public const int MaxPartCount = 10_000;

    public const long MaxSinglePutSize = 5L * 1024 * 1024 * 1024;
}
