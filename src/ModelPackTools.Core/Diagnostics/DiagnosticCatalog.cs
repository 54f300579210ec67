namespace ModelPackTools.Diagnostics;

/// <summary>
/// Every diagnostic the engine can report. Codes are stable: tests, CI scripts and suppressions depend on them,
/// so a code is never reused for a different meaning. Areas:
/// MPK1xxx names and paths (the SageMaker ModelDataSource rules),
/// MPK2xxx archive and link safety,
/// MPK3xxx surprising but deployable layouts (warnings),
/// MPK5xxx the CreateModelPackage request: 50xx the API's shape constraints, 51xx the rules its documentation states,
/// MPK6xxx the modelpack.json spec file,
/// MPK9xxx input that could not be read as a model at all.
/// </summary>
public static class DiagnosticCatalog
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
        "not describe the same model. Fix: list with `--prefix` equal to the model prefix, or pass the right `--s3-uri`.");

    public static readonly DiagnosticDescriptor NotASingleObject = new(
        "MPK1014", "S3Object with CompressionType=None holds one file", DiagnosticSeverity.Error,
        "S3Object with CompressionType=None deploys exactly one object, but the {0} holds {1} files",
        "With S3DataType=S3Object and CompressionType=None, S3Uri names a single object and /opt/ml/model receives one " +
        "file named after the last part of its key. A folder or prefix with several files cannot be deployed this way. " +
        "Fix: use S3Prefix for an uncompressed multi-file model, or pack it into a model.tar.gz (S3Object with Gzip).");

    public static readonly DiagnosticDescriptor AbsolutePath = new(
        "MPK2001", "Absolute path in archive", DiagnosticSeverity.Error,
        "archive member has an absolute path",
        "A member named `/etc/...` is written outside the extraction directory by a careless extractor, and stripped " +
        "to a relative path by a careful one: either way the archive does not mean what it says. A lone root entry " +
        "(`/`, `./` or `.`) is the extraction directory itself and is accepted. Fix: create the archive with relative " +
        "names (`tar -C model -czf model.tar.gz .` or `modelpack pack model`).");

    public static readonly DiagnosticDescriptor ParentTraversal = new(
        "MPK2002", "Path traversal with '..'", DiagnosticSeverity.Error,
        "archive member path contains '..'",
        "A `..` component can climb out of /opt/ml/model when the archive is extracted (the 'tar slip' attack); GNU tar " +
        "refuses such members and Python's data filter rejects them. Fix: rebuild the archive from a directory.");

    public static readonly DiagnosticDescriptor SymbolicLinkInArchive = new(
        "MPK2003", "Symbolic link in archive", DiagnosticSeverity.Error,
        "symbolic link to '{0}'",
        "SageMaker cannot extract model archives that contain symbolic links, and links are how archive contents escape " +
        "the extraction directory. Fix: dereference links when archiving (`tar -h`, or `modelpack pack`, which " +
        "replaces in-tree links by the files they point to).");

    public static readonly DiagnosticDescriptor BadHardLink = new(
        "MPK2004", "Unsafe hard link", DiagnosticSeverity.Error,
        "hard link to '{0}': {1}",
        "A hard link member must name a regular file that appeared earlier in the same archive, inside the extraction " +
        "directory. A link to a missing, later, linked or outside member either fails extraction or links to a file " +
        "outside /opt/ml/model. Fix: archive the file's contents instead (`modelpack pack` writes hard-linked files as " +
        "regular members).");

    public static readonly DiagnosticDescriptor DataOnNonFile = new(
        "MPK2005", "Link or directory entry carries data", DiagnosticSeverity.Error,
        "{0} entry declares {1} bytes of data",
        "Link, directory and device entries carry no data. When their header declares a size, extractors disagree on " +
        "whether data follows, so one tool sees members another does not: a classic way to hide a payload. Fix: rebuild " +
        "the archive.");

    public static readonly DiagnosticDescriptor SpecialFile = new(
        "MPK2006", "Device, FIFO or socket", DiagnosticSeverity.Error,
        "{0} cannot be part of a model",
        "Device nodes, FIFOs and sockets are not data: extracting a device node needs privileges and a FIFO blocks " +
        "whoever opens it. Fix: remove it from the model folder.");

    public static readonly DiagnosticDescriptor UnsupportedEntryType = new(
        "MPK2007", "Sparse or unknown archive entry type", DiagnosticSeverity.Error,
        "{0}",
        "Sparse files, multi-volume parts, volume labels and unknown type flags are extracted differently (or not at all) " +
        "by different tools. Fix: rebuild the archive with plain files (`modelpack pack`).");

    public static readonly DiagnosticDescriptor SetuidBits = new(
        "MPK2008", "setuid, setgid or sticky bit", DiagnosticSeverity.Error,
        "mode {0} sets {1}",
        "Model files never need setuid or setgid bits; an archive that carries them can create privileged executables " +
        "when extracted as root. Fix: `chmod u-s,g-s` the files, or pack with `modelpack pack`, which normalises modes.");

    public static readonly DiagnosticDescriptor ConflictingNames = new(
        "MPK2009", "Conflicting or malformed extended header", DiagnosticSeverity.Error,
        "{0}",
        "PAX and GNU extended headers override the name, size or link of the next member. Duplicate keys, two long-name " +
        "headers for one member, or a PAX path that disagrees with a GNU long name mean different extractors pick " +
        "different values. Fix: rebuild the archive.");

    public static readonly DiagnosticDescriptor TruncatedArchive = new(
        "MPK2010", "Truncated archive", DiagnosticSeverity.Error,
        "{0}",
        "The archive ends in the middle of a header or of a member's data, usually an interrupted upload or copy. " +
        "SageMaker fails to extract it. Fix: rebuild or re-download the archive and compare its ETag.");

    public static readonly DiagnosticDescriptor TrailingData = new(
        "MPK2011", "Data after the end of the archive", DiagnosticSeverity.Error,
        "{0} non-zero bytes follow the end-of-archive marker at offset {1}",
        "A tar archive ends with two zero blocks; extractors stop there, so bytes after it are invisible to every check " +
        "yet shipped with the model: a hidden payload, or a second archive appended by mistake. Fix: rebuild the archive.");

    public static readonly DiagnosticDescriptor CompressionBomb = new(
        "MPK2012", "Compression ratio too high", DiagnosticSeverity.Error,
        "expanded to more than {0} times its compressed size (limit {1}); reading stopped",
        "A tiny archive that expands to terabytes fills the endpoint's volume and fails deployment. Real model weights " +
        "compress by less than 2x, text by about 10x. Fix: if the ratio is genuine (large zero-filled tensors), raise the " +
        "limit with `--max-ratio`.");

    public static readonly DiagnosticDescriptor GzipLayer = new(
        "MPK2013", "Invalid gzip layer", DiagnosticSeverity.Error,
        "{0}",
        "With CompressionType=Gzip SageMaker gunzips the object before untarring it. A wrong checksum or length in a " +
        "gzip member, bytes that are not gzip after the last member, or an archive that is not gzip-compressed at all " +
        "fail that step or hide data from it. Fix: rebuild the archive with `modelpack pack` or `tar -czf`.");

    public static readonly DiagnosticDescriptor MalformedHeader = new(
        "MPK2014", "Malformed archive header", DiagnosticSeverity.Error,
        "{0}",
        "A tar header whose checksum does not match, or whose numeric fields are negative, unterminated or not numbers, is " +
        "either corrupt or crafted to be read differently by different extractors. Reading stops at the first such header. " +
        "Fix: rebuild the archive.");

    public static readonly DiagnosticDescriptor LimitExceeded = new(
        "MPK2015", "Archive limit exceeded", DiagnosticSeverity.Error,
        "{0}",
        "Extended headers and long names are bounded (1 MiB and 64 KiB) and so is the number of members, so that a " +
        "hostile archive cannot exhaust memory while it is checked. Reading stops at the limit. Fix: a real model " +
        "never needs headers that large; rebuild the archive with `modelpack pack`.");

    public static readonly DiagnosticDescriptor LinkEscapes = new(
        "MPK2016", "Link leaves the model or does not resolve", DiagnosticSeverity.Error,
        "{0}",
        "A symbolic link that points outside the model directory, to nothing, or into a loop cannot be deployed: SageMaker " +
        "has no links under /opt/ml/model, and following it would read or write outside the model. Paths written " +
        "through such a link escape the extraction directory. Fix: copy the target into the model folder and remove the link.");

    public static readonly DiagnosticDescriptor LinkDereferenced = new(
        "MPK2017", "Symbolic link will be dereferenced", DiagnosticSeverity.Warning,
        "symbolic link to '{0}' will be replaced by a copy of its target",
        "Neither S3 nor SageMaker model archives can hold links, so `pack` and `layout` store the file or folder a link " +
        "points to under the link's name. The model grows by the size of the target. Fix: nothing, if a copy is intended; " +
        "otherwise remove the link.");

    public static readonly DiagnosticDescriptor MissingEndMarker = new(
        "MPK2018", "Missing end-of-archive marker", DiagnosticSeverity.Warning,
        "the archive ends without the two zero blocks that mark its end",
        "Every tar writer ends an archive with two 512-byte zero blocks. Without them, the archive may have been cut at " +
        "a member boundary and some members may be missing. Fix: rebuild the archive and compare its ETag with the upload.");

    public static readonly DiagnosticDescriptor Unreadable = new(
        "MPK2019", "Unreadable entry", DiagnosticSeverity.Error,
        "cannot read: {0}",
        "A file or folder the tool cannot read cannot be packed or uploaded either. Fix: check its permissions (`ls -l`).");

    public static readonly DiagnosticDescriptor CaseOnlyPair = new(
        "MPK3001", "Names that differ only in case", DiagnosticSeverity.Warning,
        "'{0}' and '{1}' differ only in letter case",
        "Linux keeps both, but macOS and Windows file systems, and people, do not: the model works on the endpoint and " +
        "breaks when someone unpacks it on a laptop. Fix: rename one of them.");

    public static readonly DiagnosticDescriptor ControlCharacter = new(
        "MPK3002", "Control character in a name", DiagnosticSeverity.Warning,
        "name contains control character U+{0:X4}",
        "Control characters (newline, tab, escape, ...) in file names break scripts and logs and can forge terminal " +
        "output. Fix: rename the file.");

    public static readonly DiagnosticDescriptor Backslash = new(
        "MPK3003", "Backslash in a name", DiagnosticSeverity.Warning,
        "name contains a backslash",
        "On Linux a backslash is an ordinary character, so `a\\b` is one file, not `b` inside `a`; the name usually comes " +
        "from a path built on Windows. Fix: use `/` as the separator.");

    public static readonly DiagnosticDescriptor SingleTopLevelFolder = new(
        "MPK3004", "Everything is inside one top-level folder", DiagnosticSeverity.Warning,
        "every entry is inside '{0}/', so the model will be at /opt/ml/model/{0}/",
        "The classic packaging mistake: `tar czf model.tar.gz model/` puts the files in /opt/ml/model/model/ and the " +
        "serving container, which looks in /opt/ml/model, finds nothing. Fix: archive the folder's contents " +
        "(`tar -C model -czf model.tar.gz .`, or `modelpack pack model`).");

    public static readonly DiagnosticDescriptor StrayFile = new(
        "MPK3005", "Stray file", DiagnosticSeverity.Warning,
        "'{0}' is editor, OS or cache debris",
        "`.DS_Store`, `__pycache__`, `.ipynb_checkpoints`, `Thumbs.db` and AppleDouble `._*` files are never part of a " +
        "model; they make artifacts differ between machines and leak local paths. Fix: delete them or exclude them.");

    public static readonly DiagnosticDescriptor EmptyDirectory = new(
        "MPK3006", "Empty directory is dropped", DiagnosticSeverity.Warning,
        "empty directory will not exist under /opt/ml/model",
        "With S3Prefix, only objects exist; a directory appears under /opt/ml/model only because a file is inside it. " +
        "Code that expects an empty folder to exist fails. Fix: put a file in it, or create it at start-up.");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "MPK3007", "Name is not valid UTF-8", DiagnosticSeverity.Warning,
        "name is not valid UTF-8 (shown with U+FFFD in place of the bad bytes)",
        "S3 keys are UTF-8. A name in another encoding (Latin-1 from an old tar, say) turns into a different name, or " +
        "fails, when it is uploaded or extracted. Fix: rename it in UTF-8.");

    public static readonly DiagnosticDescriptor NonCanonicalPath = new(
        "MPK3008", "Non-canonical archive path", DiagnosticSeverity.Warning,
        "archive path has an empty or '.' segment inside it",
        "`a//b` and `a/./b` are extracted as `a/b`, but the name in the archive is not the name on disk, which confuses " +
        "tools that compare listings. Fix: rebuild the archive from a directory.");

    private const string ShapeRule =
        "Before writing the request, every member is checked against the constraints of the SageMaker API model " +
        "(botocore's service description of CreateModelPackage, embedded in the tool), so the API does not reject the " +
        "request after the model has been uploaded. The path is the member's JSON path in the request.";

    private const string SpecRule =
        "modelpack.json is read strictly so that a typo does not silently fall back to a default. The path is the " +
        "JSON path in the spec and the message gives the line. `modelpack init` writes a valid starting spec, and the " +
        "`$schema` it references lets editors complete and check keys.";

    public static readonly DiagnosticDescriptor RequestWrongType = new(
        "MPK5001", "Request member has the wrong JSON type", DiagnosticSeverity.Error,
        "expected {0}, found {1}",
        ShapeRule + " Fix: give the member the type the API takes (a string, a list, an object, ...).");

    public static readonly DiagnosticDescriptor RequestUnknownMember = new(
        "MPK5002", "Unknown request member", DiagnosticSeverity.Error,
        "'{0}' is not a member of {1}",
        ShapeRule + " The API rejects members it does not know. Fix: check the spelling (member names are case-sensitive).");

    public static readonly DiagnosticDescriptor RequestMissingMember = new(
        "MPK5003", "Required request member missing", DiagnosticSeverity.Error,
        "{1} requires '{0}'",
        ShapeRule + " Fix: set the member (in modelpack.json, the key that produces it).");

    public static readonly DiagnosticDescriptor RequestLength = new(
        "MPK5004", "Request value too short or too long", DiagnosticSeverity.Error,
        "length {0} is outside {1}..{2}",
        ShapeRule + " Lengths count UTF-16 code units, as the API does. Fix: shorten or fill in the value.");

    public static readonly DiagnosticDescriptor RequestPattern = new(
        "MPK5005", "Request value does not match the API pattern", DiagnosticSeverity.Error,
        "'{0}' does not match {1}",
        ShapeRule + " The whole value must match the pattern: names, for example, allow only letters, digits and " +
        "hyphens. Fix: change the value.");

    public static readonly DiagnosticDescriptor RequestEnum = new(
        "MPK5006", "Request value is not one of the allowed values", DiagnosticSeverity.Error,
        "'{0}' is not one of {1}",
        ShapeRule + " Instance types in particular must be spelled exactly as the API lists them (`ml.g5.xlarge`). " +
        "Fix: pick one of the listed values.");

    public static readonly DiagnosticDescriptor RequestSize = new(
        "MPK5007", "Request list or map has too few or too many entries", DiagnosticSeverity.Error,
        "{0} entries; the API allows {1}..{2}",
        ShapeRule + " Fix: remove entries (or add one, where the API needs at least one).");

    public static readonly DiagnosticDescriptor RequestRange = new(
        "MPK5008", "Request number out of range", DiagnosticSeverity.Error,
        "{0} is outside {1}..{2}",
        ShapeRule + " Fix: give a number within the range.");

    public static readonly DiagnosticDescriptor NameOrGroup = new(
        "MPK5101", "Give a model package name or a group, not both", DiagnosticSeverity.Error,
        "{0}",
        "ModelPackageName creates an unversioned model package (for AWS Marketplace); ModelPackageGroupName creates a " +
        "new version in a model package group (the model registry). One request does one or the other. Fix: set exactly " +
        "one of modelPackageName and modelPackageGroupName in modelpack.json.");

    public static readonly DiagnosticDescriptor ModelDataUrlNotTarGz = new(
        "MPK5102", "ModelDataUrl does not name a .tar.gz", DiagnosticSeverity.Error,
        "'{0}' does not end with .tar.gz",
        "The API documents ModelDataUrl (and SamplePayloadUrl) as the S3 path of a single gzip-compressed tar archive " +
        "(.tar.gz suffix). Fix: point it at the model.tar.gz, or use format `prefix` for an uncompressed model.");

    public static readonly DiagnosticDescriptor PrefixNeedsNoCompression = new(
        "MPK5103", "S3Prefix needs CompressionType=None", DiagnosticSeverity.Error,
        "S3DataType S3Prefix with CompressionType {0}",
        "A key name prefix names many objects, which SageMaker copies as they are: only S3Object can name a gzip-" +
        "compressed tar archive. Fix: set CompressionType to None, or use S3Object with the .tar.gz.");

    public static readonly DiagnosticDescriptor EnvironmentEntries = new(
        "MPK5104", "More than 16 environment variables", DiagnosticSeverity.Warning,
        "{0} entries; the API documentation supports up to 16",
        "The API text says 'We support up to 16 entries in the map', although the shape's limit is higher; containers " +
        "with more may be refused by some SageMaker features. Fix: move settings into a config file in the model.");

    public static readonly DiagnosticDescriptor ModelDataSourceWithMarketplace = new(
        "MPK5105", "ModelDataSource cannot be listed on AWS Marketplace", DiagnosticSeverity.Error,
        "CertifyForMarketplace is true, but a container uses ModelDataSource",
        "The API documentation: 'Currently you cannot use ModelDataSource in conjunction with SageMaker batch transform, " +
        "SageMaker serverless endpoints, SageMaker multi-model endpoints, and SageMaker Marketplace.' Fix: use format " +
        "`tar.gz` (ModelDataUrl), or do not certify the package for Marketplace.");

    public static readonly DiagnosticDescriptor ModelDataSourceWithTransform = new(
        "MPK5106", "ModelDataSource is not supported by batch transform", DiagnosticSeverity.Warning,
        "SupportedTransformInstanceTypes is set, but a container uses ModelDataSource",
        "The API documentation says ModelDataSource cannot be used with batch transform (nor serverless or multi-model " +
        "endpoints): the package is accepted, but transform jobs from it fail. Fix: use format `tar.gz`, or drop the " +
        "transform instance types.");

    public static readonly DiagnosticDescriptor UnversionedNeedsInstanceTypes = new(
        "MPK5107", "Unversioned model package without instance types", DiagnosticSeverity.Error,
        "{0} is required for an unversioned model package (ModelPackageName)",
        "SupportedTransformInstanceTypes and SupportedRealtimeInferenceInstanceTypes are 'required for unversioned " +
        "models, and optional for versioned models'. Fix: list the instance types, or register the model in a group.");

    public static readonly DiagnosticDescriptor ModelDataTwice = new(
        "MPK5108", "Both ModelDataUrl and ModelDataSource", DiagnosticSeverity.Error,
        "a container gives both ModelDataUrl and ModelDataSource",
        "ModelDataUrl and ModelDataSource are two ways to name the model data of one container; with both, what is " +
        "deployed depends on which one SageMaker prefers. Fix: keep one.");

    public static readonly DiagnosticDescriptor ManifestWithoutPrefix = new(
        "MPK5109", "Manifest fields without an S3Prefix manifest", DiagnosticSeverity.Error,
        "{0}",
        "ManifestEtag describes the file ManifestS3Uri names, and the manifest lists the objects under an S3Prefix; one " +
        "without the other, or a manifest for an S3Object, cannot be verified. Fix: give both, with S3DataType S3Prefix.");

    public static readonly DiagnosticDescriptor EulaNotAccepted = new(
        "MPK5110", "ModelAccessConfig without accepting the EULA", DiagnosticSeverity.Warning,
        "AcceptEula is false",
        "The API: 'The AcceptEula value must be explicitly defined as True in order to accept the EULA that this model " +
        "requires.' A ModelAccessConfig with false does nothing, and a gated model fails to deploy. Fix: review the " +
        "license and set it to true, or remove ModelAccessConfig.");

    public static readonly DiagnosticDescriptor SpecNotJson = new(
        "MPK6001", "Spec is not valid JSON", DiagnosticSeverity.Error,
        "{0}",
        SpecRule + " Comments (`//`, `/* */`) and trailing commas are accepted. Fix: correct the syntax at the line shown.");

    public static readonly DiagnosticDescriptor SpecUnknownKey = new(
        "MPK6002", "Unknown key in spec", DiagnosticSeverity.Error,
        "unknown key '{0}' (line {1})",
        SpecRule + " Fix: check the spelling; keys are camelCase and case-sensitive.");

    public static readonly DiagnosticDescriptor SpecWrongType = new(
        "MPK6003", "Spec value has the wrong type", DiagnosticSeverity.Error,
        "expected {0}, found {1} (line {2})",
        SpecRule + " Fix: write the value with the type shown (a string in quotes, a list in [], an object in {}).");

    public static readonly DiagnosticDescriptor SpecInvalidValue = new(
        "MPK6005", "Spec value is not valid", DiagnosticSeverity.Error,
        "{0} (line {1})",
        SpecRule + " Fix: use one of the values the message names.");

    public static readonly DiagnosticDescriptor SpecDuplicateKey = new(
        "MPK6006", "Duplicate key in spec", DiagnosticSeverity.Error,
        "'{0}' appears again at line {1}; JSON readers disagree on which one wins",
        SpecRule + " Fix: keep one.");

    public static readonly DiagnosticDescriptor UnreadableInput = new(
        "MPK9001", "Input is not a model", DiagnosticSeverity.Error,
        "{0}",
        "The input could not be read as a directory, a tar archive or an S3 listing at all. Fix: check the path and " +
        "the file format.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        EmptyComponent, NulCharacter, ComponentTooLong, DotComponent, FileDirectoryClash, FolderMarker,
        PrefixWithoutSlash, KeyTooLong, NormalizationPair, DuplicatePath, NoFiles, FileNameEndsWithSlash, OutsidePrefix, NotASingleObject,
        AbsolutePath, ParentTraversal, SymbolicLinkInArchive, BadHardLink, DataOnNonFile, SpecialFile, UnsupportedEntryType,
        SetuidBits, ConflictingNames, TruncatedArchive, TrailingData, CompressionBomb, GzipLayer, MalformedHeader,
        LimitExceeded, LinkEscapes, LinkDereferenced, MissingEndMarker, Unreadable,
        CaseOnlyPair, ControlCharacter, Backslash, SingleTopLevelFolder, StrayFile, EmptyDirectory, InvalidUtf8,
        NonCanonicalPath,
        RequestWrongType, RequestUnknownMember, RequestMissingMember, RequestLength, RequestPattern, RequestEnum, RequestSize, RequestRange,
        NameOrGroup, ModelDataUrlNotTarGz, PrefixNeedsNoCompression, EnvironmentEntries, ModelDataSourceWithMarketplace,
        ModelDataSourceWithTransform, UnversionedNeedsInstanceTypes, ModelDataTwice, ManifestWithoutPrefix, EulaNotAccepted,
        SpecNotJson, SpecUnknownKey, SpecWrongType, SpecInvalidValue, SpecDuplicateKey,
        UnreadableInput,
    ];

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
