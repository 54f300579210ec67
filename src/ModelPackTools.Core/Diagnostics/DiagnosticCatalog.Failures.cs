namespace ModelPackTools.Diagnostics;

/// <summary>
/// MPK9xxx: failures that stop a command (exit 2): unreadable input, bad option values, I/O and S3 errors. Each is
/// thrown as a <see cref="ModelPackException"/> and printed as one line, so scripts and MSBuild logs can match the code.
/// </summary>
public static partial class DiagnosticCatalog
{
    private const string Failure = "This stops the command before any output is written (exit code 2); nothing about the model was judged.";

    public static readonly DiagnosticDescriptor UnreadableInput = new(
        "MPK9001", "Input is not a model", DiagnosticSeverity.Error,
        "{0}",
        "The input could not be read as a directory, a tar archive or an S3 listing at all. Fix: check the path and " +
        "the file format.");

    public static readonly DiagnosticDescriptor InputNotFound = new(
        "MPK9002", "Input not found", DiagnosticSeverity.Error,
        "'{0}': {1}",
        Failure + " The file or folder named does not exist, or is of the wrong kind (a file where a folder is needed). " +
        "Fix: check the path; relative paths are relative to the current folder (spec keys: to the spec's folder).");

    public static readonly DiagnosticDescriptor InputUnreadable = new(
        "MPK9003", "Input cannot be read", DiagnosticSeverity.Error,
        "'{0}': {1}",
        Failure + " The operating system refused to read a file or folder (permissions, an I/O error, a file that " +
        "disappeared). Fix: check the permissions and the disk, then run again.");

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "MPK9004", "Invalid option value", DiagnosticSeverity.Error,
        "{0}",
        Failure + " A value given on the command line, in an MSBuild property or in the environment is not one the " +
        "option takes, or two options contradict each other. Fix: use a value the message names (the command's help lists them).");

    public static readonly DiagnosticDescriptor S3LimitExceeded = new(
        "MPK9005", "Upload would exceed an S3 limit", DiagnosticSeverity.Error,
        "{0}",
        Failure + " S3 takes parts of 5 MiB to 5 GiB, at most 10,000 parts, and single PUTs of at most 5 GiB; an ETag " +
        "predicted for an upload S3 would refuse means nothing. Fix: choose a part size (or uploader) that fits the file.");

    public static readonly DiagnosticDescriptor OutputNotWritten = new(
        "MPK9006", "Output cannot be written", DiagnosticSeverity.Error,
        "cannot write '{0}': {1}",
        Failure + " Writing the output failed (permissions, a full disk, a path through a file). Output is written to " +
        "a hidden sibling and renamed, so no half-written file is left. Fix: check the output path and free space.");

    public static readonly DiagnosticDescriptor OutputOverlapsInput = new(
        "MPK9007", "Output and input overlap", DiagnosticSeverity.Error,
        "{0}",
        Failure + " The output would be written inside the model it describes (so it would become part of it), or the " +
        "model is inside the output folder that is about to be replaced. Fix: write the output beside the model.");

    public static readonly DiagnosticDescriptor InputChanged = new(
        "MPK9008", "Input changed while it was read", DiagnosticSeverity.Error,
        "{0}",
        Failure + " A file grew or shrank between the check and the read that packs or hashes it, so the output would " +
        "not match what was checked. Fix: stop whatever writes to the model folder, then run again.");

    public static readonly DiagnosticDescriptor FactsMismatch = new(
        "MPK9009", "Build facts do not describe the spec", DiagnosticSeverity.Error,
        "{0}; build again",
        Failure + " facts.json records the format, destination and part sizes of the build that wrote it; facts from " +
        "another build would put wrong ETags in the request. Fix: run `modelpack build` for this spec, then use its facts.");

    public static readonly DiagnosticDescriptor OutputExists = new(
        "MPK9010", "Output already exists", DiagnosticSeverity.Error,
        "'{0}' already exists and overwriting it was not asked for",
        Failure + " The command does not replace a file someone may have edited. Fix: remove it, write elsewhere, or " +
        "ask for it to be overwritten.");

    public static readonly DiagnosticDescriptor S3RequestFailed = new(
        "MPK9011", "S3 request failed", DiagnosticSeverity.Error,
        "{0}",
        Failure + " S3 (or the S3-compatible server) refused a request or could not be reached: credentials, region, " +
        "bucket name, endpoint or network. Uploads abort their multipart uploads and never send the manifest after a " +
        "failure. Fix: check credentials (`aws sts get-caller-identity`), the region and the endpoint.");

    public static readonly DiagnosticDescriptor Cancelled = new(
        "MPK9012", "Cancelled", DiagnosticSeverity.Error,
        "cancelled; {0}",
        Failure + " The command was interrupted (Ctrl+C, or the build was cancelled); staged output was removed. Fix: " +
        "run it again.");

    public static readonly DiagnosticDescriptor UsageError = new(
        "MPK9013", "Command-line usage error", DiagnosticSeverity.Error,
        "{0}",
        Failure + " The command line could not be parsed: an unknown command or option, a missing argument. Fix: see " +
        "`modelpack <command> --help`.");

    public static readonly DiagnosticDescriptor NoModelDataLocation = new(
        "MPK9014", "Request without a model data location", DiagnosticSeverity.Error,
        "'{0}' gives no s3Uri: a request needs the S3 location of the model data",
        Failure + " A CreateModelPackage request names where the model data is in S3 (ModelDataUrl or " +
        "ModelDataSource); without `s3Uri` in the spec there is nothing to name. Fix: set `s3Uri` in modelpack.json.");

    public static readonly DiagnosticDescriptor HardLinkUnavailable = new(
        "MPK9015", "Hard link not possible", DiagnosticSeverity.Error,
        "'{0}' cannot be hard-linked into '{1}' (another file system?); lay out with copies instead",
        Failure + " The layout mode `link` promises a layout made of hard links only, which needs the layout on the " +
        "same file system as the model. Fix: write the layout beside the model, or use the mode `auto` or `copy`.");

    public static readonly DiagnosticDescriptor InternalError = new(
        "MPK9999", "Internal error", DiagnosticSeverity.Error,
        "{0}: {1}",
        "A bug in modelpack, not a problem with the model. Fix: report it with the command line; set MODELPACK_TRACE=1 " +
        "to print the stack trace.");
}
