using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.IO;
using ModelPackTools.Packing;
using ModelPackTools.Trees;

namespace ModelPackTools.Layout;

/// <summary>
/// Writes a checked folder exactly as its objects will be keyed under an S3Prefix (CompressionType=None): every file
/// at its path, links replaced by what they point to (S3 has no links), empty folders left out (S3 has no folders).
/// A check with errors (in the S3Prefix mode) is refused; the folder is not walked again.
/// </summary>
public static class PrefixLayoutWriter
{
    public static LayoutResult Write(ModelCheck check, string outputDirectory, LayoutMode mode, CancellationToken cancellationToken = default)
    {
        var source = CheckedFolder.RootOf(check, ExtractionMode.S3PrefixNone);
        var output = Path.GetFullPath(outputDirectory);
        if ((StagedOutput.IsInside(output, source) && !check.Settings.Selection.ExcludesLocal(source, output)) || StagedOutput.IsInside(source, output))
        {
            throw new ModelPackException(DiagnosticCatalog.OutputOverlapsInput, $"'{outputDirectory}' and '{check.Tree.SourceName}' overlap; write the layout beside the model, not in it");
        }

        if (File.Exists(output))
        {
            throw new ModelPackException(DiagnosticCatalog.OutputNotWritten, outputDirectory, "it is a file; give a folder for the layout");
        }

        if (check.HasErrors)
        {
            return new LayoutResult(check.Report, null, 0, 0, 0);
        }

        var files = PrefixObjects.Of(check);
        var staging = StagedOutput.StagingPathFor(output);
        try
        {
            var (linked, copied, bytes) = Populate(files, staging, mode, cancellationToken);
            StagedOutput.CommitDirectory(staging, output);
            return new LayoutResult(check.Report, output, linked, copied, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveStaging(staging);
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, outputDirectory, e.Message);
        }
        catch
        {
            RemoveStaging(staging);
            throw;
        }
    }

    // By stored bytes: .NET cannot delete a file whose name is not UTF-8, and no partial layout may survive.
    private static void RemoveStaging(string staging) => RawPathFile.DeleteTree(staging);

    private static (int Linked, int Copied, long Bytes) Populate(IReadOnlyList<PackEntry> files, string staging, LayoutMode mode, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        int linked = 0, copied = 0;
        long bytes = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
            RawPathFile.CreateDirectory(Path.GetDirectoryName(target)!); // the same name bytes as the source folder's
            if (mode != LayoutMode.Copy && HardLink.TryCreate(file.LocalPath!, target))
            {
                linked++;
            }
            else if (mode == LayoutMode.Link)
            {
                throw ModelPackException.ForSetting(SettingNames.LayoutMode, DiagnosticCatalog.HardLinkUnavailable, file.LocalPath, Path.GetDirectoryName(staging));
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

    /// <summary>
    /// A copy gets the mode pack writes into the tar header for the same file (TarHeaderWriter): 0755 when any execute
    /// bit is set, else 0644, as GNU tar extracts it (as root, modes as stored). S3 keeps no mode, so this matters
    /// only to what is run from the layout folder itself; a hard link shares the model file's inode and mode, which
    /// the layout must not change (the source folder is never modified).
    /// </summary>
    internal static UnixFileMode ModeOf(PackEntry file) =>
        (UnixFileMode)(file.IsExecutable ? 0x1ED : 0x1A4); // 0755 : 0644

    private static void CopyFile(PackEntry file, string target)
    {
        try
        {
            RawPathFile.Copy(file.LocalPath!, target, ModeOf(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Which side failed is not known; the message names the path the system complained about.
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, file.LocalPath, e.Message);
        }
    }
}
