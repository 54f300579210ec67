namespace ModelPackTools.Diagnostics;

/// <summary>MPK2xxx: archive and link safety.</summary>
public static partial class DiagnosticCatalog
{
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
        "different values. A PAX record that disagrees with the ustar field it overrides is MPK2020. GNU sparse " +
        "format 0.0 repeats `GNU.sparse.offset` and `GNU.sparse.numbytes` by design (MPK2007, not this). Fix: rebuild the archive.");

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
        "limit (the max-ratio setting).");

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
}
