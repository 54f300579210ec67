namespace ModelPackTools.Diagnostics;

/// <summary>MPK3xxx: surprising but deployable layouts (warnings).</summary>
public static partial class DiagnosticCatalog
{
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
        "name is not valid UTF-8 (each byte that is not UTF-8 is shown as \\xNN)",
        "S3 keys are UTF-8. A name in another encoding (Latin-1 from an old tar, say) turns into a different name, or " +
        "fails, when it is uploaded or extracted. Such names are compared by their bytes (`caf\\xe9` and `caf\\xe8` are two " +
        "names) and shown with each byte that is not UTF-8 as \\xNN. Fix: rename it in UTF-8.");

    public static readonly DiagnosticDescriptor NonCanonicalPath = new(
        "MPK3008", "Non-canonical archive path", DiagnosticSeverity.Warning,
        "archive path has an empty or '.' segment inside it",
        "`a//b` and `a/./b` are extracted as `a/b`, but the name in the archive is not the name on disk, which confuses " +
        "tools that compare listings. Fix: rebuild the archive from a directory.");
}
