
namespace ModelPackTools.Trees;

/// <summary>The data modes as users type them (`--mode`) and as reports print them.</summary>
public static class ModeNames
{
    public static string ToOption(ExtractionMode mode) => mode switch
    {
        ExtractionMode.S3ObjectNone => "s3object-none",
        ExtractionMode.S3PrefixNone => "s3prefix-none",
        _ => "s3object-gzip",
    };

    public static string ToApi(ExtractionMode mode) => mode switch
    {
        ExtractionMode.S3ObjectNone => "S3Object+None",
        ExtractionMode.S3PrefixNone => "S3Prefix+None",
        _ => "S3Object+Gzip",
    };

    public static bool TryParse(string value, out ExtractionMode mode)
    {
        switch (value.ToLowerInvariant())
        {
            case "s3object-gzip" or "gzip" or "tar.gz":
                mode = ExtractionMode.S3ObjectGzip;
                return true;
            case "s3object-none" or "object":
                mode = ExtractionMode.S3ObjectNone;
                return true;
            case "s3prefix-none" or "prefix":
                mode = ExtractionMode.S3PrefixNone;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
