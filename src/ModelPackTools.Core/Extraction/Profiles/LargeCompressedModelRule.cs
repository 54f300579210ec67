using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Large language models as model.tar.gz: SageMaker downloads and extracts the whole archive before the container
/// starts, so above a size the uncompressed S3 prefix format is the one AWS recommends for them (MPK7014).
/// </summary>
internal sealed class LargeCompressedModelRule : ITreeRule
{
    /// <summary>10 GiB: above this, AWS's large-model inference guide recommends uncompressed model data.</summary>
    public const long Threshold = 10L << 30;

    public void Check(VirtualFileSystem tree, ExtractionContext context)
    {
        if (context.Mode != ExtractionMode.S3ObjectGzip)
        {
            return;
        }

        var bytes = tree.AllNodes().Where(n => n.IsFile && n.EntryIndex >= 0).Sum(n => Math.Max(0, context.Tree.Entries[n.EntryIndex].Size));
        if (bytes > Threshold)
        {
            context.Diagnostics.Add(DiagnosticCatalog.LargeCompressedModel, null, (bytes / (double)(1L << 30)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
