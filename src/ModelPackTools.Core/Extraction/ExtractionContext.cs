using System.Text;
using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction;

/// <summary>What every rule may look at: the tree, the mode, the key prefix, and where findings go.</summary>
public sealed class ExtractionContext
{
    internal ExtractionContext(ModelTree tree, SimulationOptions options, DiagnosticBag diagnostics)
    {
        this.Tree = tree;
        this.Options = options;
        this.Diagnostics = diagnostics;
        this.KeyPrefix = tree.KeyPrefix.Length > 0 ? tree.KeyPrefix : options.S3Uri?.Key ?? string.Empty;
        this.KeyPrefixBytes = Encoding.UTF8.GetByteCount(this.KeyPrefix);
    }

    public ModelTree Tree { get; }

    public SimulationOptions Options { get; }

    public ExtractionMode Mode => this.Options.Mode;

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Why the single top-level folder is right as it is (MPK3004 stayed quiet), for the report; else null.</summary>
    internal string? AcceptedWrapper { get; set; }

    /// <summary>The part of each S3 key before the path under /opt/ml/model.</summary>
    public string KeyPrefix { get; }

    public int KeyPrefixBytes { get; }

    /// <summary>Names are S3 keys (CompressionType=None) rather than archive member names.</summary>
    public bool NamesAreKeys => this.Mode != ExtractionMode.S3ObjectGzip;

    public bool IsArchive => this.Tree.SourceKind == SourceKind.Archive;

    public bool IsListing => this.Tree.SourceKind == SourceKind.Listing;

    public bool IsDirectory => this.Tree.SourceKind == SourceKind.Directory;

    /// <summary>What to call the input in messages: "archive", "listing" or "folder".</summary>
    public string InputNoun => this.Tree.SourceKind switch
    {
        SourceKind.Archive => "archive",
        SourceKind.Listing => "listing",
        _ => "folder",
    };
}
