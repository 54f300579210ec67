using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Rules;

/// <summary>
/// The whole path under /opt/ml/model/ must stay below Linux's PATH_MAX (4096 bytes with its NUL), as GNU tar and
/// Python's tarfile need to create it (MPK1015); <see cref="ComponentLengthRule"/> judges each part.
/// </summary>
internal sealed class PathLengthRule : IEntryRule
{
    private const int PathMax = 4096;
    private static readonly int RootBytes = "/opt/ml/model/".Length;

    public void Check(ModelEntry entry, EntryName name, ExtractionContext context)
    {
        // Cheap bound first: 3 bytes per UTF-16 unit at most.
        if (RootBytes + (3 * entry.Path.Length) < PathMax)
        {
            return;
        }

        var path = name.Canonical;
        var bytes = RootBytes + RawNameText.ByteCount(path);
        if (bytes >= PathMax)
        {
            context.Diagnostics.Add(DiagnosticCatalog.PathTooLong, entry.Path, path.Length > 40 ? path[..40] + "..." : path, bytes);
        }
    }
}
