namespace ModelPackTools.Diagnostics;

/// <summary>MPK1xxx: names and paths (the SageMaker ModelDataSource rules).</summary>
public static partial class DiagnosticCatalog
{
    private const string NoneRules =
        "SageMaker documents these names as forbidden for files and directories when CompressionType is None, " +
        "and they are equally unsafe inside a model.tar.gz.";

    public static readonly DiagnosticDescriptor EmptyComponent = new(
        "MPK1001", "Empty or blank name", DiagnosticSeverity.Error,
        "path has an empty or blank component: '{0}'",
        NoneRules + " An empty component comes from a doubled slash (`a//b`) or a key that starts with `/`; a blank " +
        "one is made only of spaces. Fix: rename the object or file so every part between slashes has visible characters.");

    public static readonly DiagnosticDescriptor NulCharacter = new(
        "MPK1002", "NUL character in a name", DiagnosticSeverity.Error,
        "name contains a NUL character",
        NoneRules + " A NUL byte ends a path for the operating system, so the file SageMaker creates would have a different, " +
        "truncated name, or none. Fix: rename it.");

    public static readonly DiagnosticDescriptor ComponentTooLong = new(
        "MPK1003", "Name longer than 255 bytes", DiagnosticSeverity.Error,
        "component is {0} bytes long in UTF-8; the limit is 255: '{1}'",
        NoneRules + " Linux file systems limit one path component to 255 bytes. The limit counts UTF-8 bytes, not " +
        "characters: 100 CJK characters are already 300 bytes. Fix: shorten the file or directory name.");

    public static readonly DiagnosticDescriptor DotComponent = new(
        "MPK1004", "'.' or '..' as a name", DiagnosticSeverity.Error,
        "path uses '{0}' as a file or directory name",
        NoneRules + " `.` and `..` are the directory itself and its parent, so an object keyed `a/../b` or `./b` cannot " +
        "become a file of that name. Fix: rename the key without dot segments.");

    public static readonly DiagnosticDescriptor FileDirectoryClash = new(
        "MPK1005", "File and directory with the same name", DiagnosticSeverity.Error,
        "'{0}' is a file, but '{1}' needs it to be a directory",
        "Ambiguous names fail deployment: with objects `weights` and `weights/part1`, /opt/ml/model/weights would have " +
        "to be both a regular file and a directory. The order of the two does not matter. Fix: rename one of them, for " +
        "example `weights/part0` and `weights/part1`.");

    public static readonly DiagnosticDescriptor FolderMarker = new(
        "MPK1006", "Folder marker object", DiagnosticSeverity.Error,
        "key ends with '/' (a {0}-byte 'folder' object)",
        "Creating a folder in the S3 console creates a 0-byte object whose key ends with `/`. SageMaker documents that " +
        "such keys violate its file name rules and fail deployment. Fix: delete the marker object " +
        "(`aws s3api delete-object --key 'prefix/folder/'`); folders exist implicitly through the keys beneath them.");

    public static readonly DiagnosticDescriptor PrefixWithoutSlash = new(
        "MPK1007", "S3Prefix URI does not end with '/'", DiagnosticSeverity.Error,
        "S3 prefix '{0}' does not end with '/'",
        "A valid key name prefix for S3DataType=S3Prefix always ends with a forward slash. Without it, " +
        "`s3://bucket/model` also matches `s3://bucket/model-old/...`, and the remainder of each key would start with " +
        "the rest of a name instead of a path. Fix: add the trailing `/`.");

    public static readonly DiagnosticDescriptor KeyTooLong = new(
        "MPK1008", "S3 key longer than 1024 bytes", DiagnosticSeverity.Error,
        "the S3 key would be {0} bytes long; S3 allows 1024",
        "S3 object keys are limited to 1024 bytes of UTF-8. The key is the prefix plus the path under /opt/ml/model, so " +
        "a long prefix leaves less room for file names. Fix: shorten the prefix or the deepest paths.");

    public static readonly DiagnosticDescriptor NormalizationPair = new(
        "MPK1009", "Names that differ only in Unicode normalisation", DiagnosticSeverity.Error,
        "'{0}' and '{1}' differ only in Unicode normalisation (NFC/NFD)",
        "Two names that look identical but are encoded differently (for example `é` as one code point and as `e` plus a " +
        "combining accent) are two files on Linux but one on macOS and in many tools; code that opens the name it sees " +
        "gets either file. Fix: rename so the names differ visibly, and normalise names to NFC.");

    public static readonly DiagnosticDescriptor DuplicatePath = new(
        "MPK1010", "Duplicate path", DiagnosticSeverity.Error,
        "'{0}' appears more than once (entries {1} and {2}); the later one would silently win",
        "Two entries that resolve to the same path under /opt/ml/model: an extractor overwrites the first with the second, " +
        "so what is reviewed is not what is deployed. Archives reach this through repeated members or spellings like " +
        "`./a` and `a`. Fix: rebuild the archive from a clean directory (`modelpack pack` never writes duplicates).");

    public static readonly DiagnosticDescriptor NoFiles = new(
        "MPK1011", "No files", DiagnosticSeverity.Error,
        "the {0} contains no files",
        "An archive or listing with no regular files deploys an empty /opt/ml/model; the container then fails to load " +
        "a model. Usually the wrong folder or prefix was given. Fix: point at the folder or prefix that holds the model files.");

    public static readonly DiagnosticDescriptor FileNameEndsWithSlash = new(
        "MPK1012", "Regular file whose name ends with '/'", DiagnosticSeverity.Error,
        "a regular file is named with a trailing '/'",
        "A regular-file entry whose name ends with `/` is read as a directory by some extractors (Python's tarfile) and " +
        "as a file with an empty name by others, so the result depends on the tool. Fix: rebuild the archive; a directory " +
        "must be a directory entry.");

    public static readonly DiagnosticDescriptor OutsidePrefix = new(
        "MPK1013", "Key outside the prefix", DiagnosticSeverity.Error,
        "key '{0}' does not start with the prefix '{1}'",
        "The listing contains an object that is not under the S3 prefix being checked, so the listing and the prefix do " +
        "not describe the same model. Fix: list with `--prefix` equal to the model prefix, or give the S3 URI the model is stored at.");

    public static readonly DiagnosticDescriptor NotASingleObject = new(
        "MPK1014", "S3Object with CompressionType=None holds one file", DiagnosticSeverity.Error,
        "S3Object with CompressionType=None deploys exactly one object, but the {0} holds {1} files",
        "With S3DataType=S3Object and CompressionType=None, S3Uri names a single object and /opt/ml/model receives one " +
        "file named after the last part of its key. A folder or prefix with several files cannot be deployed this way. " +
        "Fix: use S3Prefix for an uncompressed multi-file model, or pack it into a model.tar.gz (S3Object with Gzip).");
}
