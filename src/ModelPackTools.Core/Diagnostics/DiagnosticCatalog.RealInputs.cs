namespace ModelPackTools.Diagnostics;

/// <summary>
/// Findings from running against artifacts other people made (issue 10): readers that disagree on one header,
/// bytes no reader shows, paths the kernel refuses, inputs that are not what their name says.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PathTooLong = new(
        "MPK1015", "Path longer than PATH_MAX", DiagnosticSeverity.Error,
        "the path /opt/ml/model/{0} is {1} bytes; Linux refuses paths of 4096 bytes or more",
        "Linux limits a whole path to PATH_MAX, 4096 bytes including the terminating NUL, besides 255 bytes per " +
        "component. SageMaker extracts under /opt/ml/model/, so a member whose full path there reaches 4096 bytes fails " +
        "to extract: GNU tar and Python's tarfile both stop with \"File name too long\". Fix: shorten the folder names.");

    public static readonly DiagnosticDescriptor NameNotAKey = new(
        "MPK1016", "Name cannot be an S3 key", DiagnosticSeverity.Error,
        "the name is not UTF-8 (each byte that is not UTF-8 is shown as \\xNN), and an S3 key is UTF-8: no uploader can store it under its name",
        "An S3 object key is a sequence of Unicode characters in UTF-8 (Amazon S3 user guide, \"Naming Amazon S3 " +
        "objects\"), so a file name holding bytes that are not UTF-8 (Latin-1, KOI8-R) has no key: with S3Prefix or " +
        "S3Object and CompressionType=None the file cannot reach /opt/ml/model under its name. aws-cli and boto3 " +
        "refuse it (\"'utf-8' codec can't encode character '\\udce9': surrogates not allowed\"); a .NET client " +
        "encodes the key as UTF-8, which turns each such byte into U+FFFD: another name. layout, manifest and upload refuse such a folder rather than " +
        "write a key that is not the file's name. Inside a model.tar.gz (CompressionType=Gzip) the bytes survive, and " +
        "the name is only a warning (MPK3007). Fix: rename it in UTF-8 (`convmv -f latin1 -t utf8 -r --notest model/`), " +
        "or deploy a model.tar.gz.");

    public static readonly DiagnosticDescriptor HeaderOverrideDisagrees = new(
        "MPK2020", "PAX record disagrees with the header it overrides", DiagnosticSeverity.Error,
        "{0}",
        "A PAX extended header overrides fields of the ustar header after it (size, path, linkpath, uid, gid). GNU tar, " +
        "bsdtar, Python, Go and node-tar use the PAX value; busybox tar ignores PAX `size`, `uid` and `gid` and uses " +
        "the ustar field, and readers that ignore PAX use every ustar field. When the two disagree, those readers see " +
        "different members or different data: the parser differential behind CVE-2025-62518 (TARmageddon), where the " +
        "data of one member is read as further headers by another tool. Writers store a value in PAX because the ustar " +
        "field cannot hold it (0 in its place), or truncate a long name; anything else is not how an archive is written. " +
        "Fix: rebuild the archive (`modelpack pack` or `tar -czf`).");

    public static readonly DiagnosticDescriptor HiddenHeaderBytes = new(
        "MPK2021", "Hidden bytes in a header's name field", DiagnosticSeverity.Error,
        "the {0} field of the header at offset {1} holds {2} non-zero bytes after its NUL terminator",
        "A name, link name or prefix field ends at its first NUL; every reader ignores what follows and every writer " +
        "fills it with NULs. Bytes there are invisible to `tar tv` and to every check, yet shipped with the model: a " +
        "smuggling channel like data after the end of the archive (MPK2011). Fix: rebuild the archive.");

    public static readonly DiagnosticDescriptor PaxOnlyValue = new(
        "MPK3009", "Value only in the PAX header", DiagnosticSeverity.Warning,
        "{0}",
        "The ustar header cannot hold a size of 8 GiB or more (nor an id over 2097151) in octal, so POSIX writers (Python's " +
        "tarfile by default, `tar --format=posix`, bsdtar) store it in a PAX record and 0 in the field. GNU tar, bsdtar " +
        "and Python read it; busybox tar ignores PAX `size` and reads the member's data as headers. Fix: nothing for " +
        "SageMaker itself; for busybox-based images write the archive with GNU tar's default format, which stores large " +
        "sizes in base-256 (`tar --format=gnu`).");

    public static readonly DiagnosticDescriptor NotAModelArchive = new(
        "MPK2022", "Not a gzip-compressed tar archive", DiagnosticSeverity.Error,
        "{0}; SageMaker reads model data as a gzip-compressed tar (model.tar.gz) or as uncompressed files under a prefix",
        "With CompressionType=Gzip SageMaker gunzips and untars the object; with CompressionType=None it copies objects " +
        "as they are. A zip, xz, zstd, bzip2, lz4 or 7z file, an executable or a saved web page is neither a model.tar.gz " +
        "nor a list of S3 keys, whatever its name says: the file's first bytes tell what it is. Fix: repack the model " +
        "(`modelpack pack model -o model.tar.gz` or `tar -czf model.tar.gz -C model .`), or check it with the mode " +
        "s3object-none if the file itself is the model.");

    public static readonly DiagnosticDescriptor InputNotRegular = new(
        "MPK9030", "Input is not a regular file or folder", DiagnosticSeverity.Error,
        "'{0}' is {1}; give a model folder, an archive or a listing file",
        "This stops the command before any output is written (exit code 2); nothing about the model was judged. A FIFO, " +
        "socket or device has no contents to judge: reading a FIFO blocks until another process writes to it, and a " +
        "character device such as /dev/zero never ends. The input is refused at once and never opened. Fix: give the " +
        "file or folder itself.");

    public static readonly DiagnosticDescriptor ArchiveAsOneFile = new(
        "MPK3010", "Archive deployed as one file", DiagnosticSeverity.Warning,
        "with CompressionType=None SageMaker does not extract '{0}': /opt/ml/model/{0} is the archive itself",
        "S3Object with CompressionType=None copies the object as one file named after the last part of its key; only " +
        "CompressionType=Gzip gunzips and untars it. Fix: nothing, if the container unpacks the archive itself; " +
        "otherwise deploy it with the mode s3object-gzip.");
}
