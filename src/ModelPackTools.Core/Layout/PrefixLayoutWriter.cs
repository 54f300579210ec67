using ModelPackTools.Extraction;
using ModelPackTools.IO;
using ModelPackTools.Packing;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Layout;

/// <summary>
/// Writes a folder exactly as its objects will be keyed under an S3Prefix (CompressionType=None): every file at its
/// path, links replaced by what they point to (S3 has no links), empty folders left out (S3 has no folders). The
/// folder is checked with the S3Prefix rules first and refused with the same diagnostics as `check`.
/// </summary>
public static class PrefixLayoutWriter
{
    public static LayoutResult Write(string sourceDirectory, string outputDirectory, LayoutMode mode, CancellationToken cancellationToken = default) =>
        Write(sourceDirectory, outputDirectory, mode, Selection.PathSelection.Everything, cancellationToken);

    public static LayoutResult Write(string sourceDirectory, string outputDirectory, LayoutMode mode, Selection.PathSelection selection, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(sourceDirectory);
        var output = Path.GetFullPath(outputDirectory);
        if ((StagedOutput.IsInside(output, source) && !selection.ExcludesLocal(source, output)) || StagedOutput.IsInside(source, output))
        {
            throw new ModelInputException($"'{outputDirectory}' and '{sourceDirectory}' overlap; write the layout beside the model, not in it");
        }

        if (File.Exists(output))
        {
            throw new ModelInputException($"'{outputDirectory}' is a file; give a folder for the layout");
        }

        var (check, files) = PrefixObjects.Plan(sourceDirectory, s3Uri: null, selection);
        if (check.HasErrors)
        {
            return new LayoutResult(check, null, 0, 0, 0);
        }

        var staging = StagedOutput.StagingPathFor(output);
        try
        {
            var (linked, copied, bytes) = Populate(files, staging, mode, cancellationToken);
            StagedOutput.CommitDirectory(staging, output);
            return new LayoutResult(check, output, linked, copied, bytes);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    private static (int Linked, int Copied, long Bytes) Populate(IReadOnlyList<PackEntry> files, string staging, LayoutMode mode, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        int linked = 0, copied = 0;
        long bytes = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (mode != LayoutMode.Copy && HardLink.TryCreate(file.LocalPath!, target))
            {
                linked++;
            }
            else if (mode == LayoutMode.Link)
            {
                throw new ModelInputException($"'{file.LocalPath}' cannot be hard-linked into '{staging}' (another file system?); use --copy");
            }
            else
            {
                CopyFile(file, target);
                copied++;
            }

            bytes += file.Size;
        }

        return (linked, copied, bytes);
    }

    private static void CopyFile(PackEntry file, string target)
    {
        try
        {
            File.Copy(file.LocalPath!, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelInputException($"'{file.LocalPath}': {e.Message}", e);
        }
    }
}
