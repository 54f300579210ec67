using ModelPackTools.Archives;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Packing;

/// <summary>
/// Builds a deterministic model.tar.gz from a folder: the same files give the same bytes whatever their mtimes,
/// owners, creation order or the thread count. The folder is checked with the same rules as `check` first and a
/// folder with errors is refused. The archive is written beside the target and renamed only when complete, and its
/// ETag and checksums are computed from the bytes on their way to disk, so they cost no second read.
/// </summary>
public static class ModelPacker
{
    private const int CopyBufferSize = 1 << 20;

    public static PackResult Pack(string sourceDirectory, string outputPath, PackOptions options, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(sourceDirectory);
        var output = Path.GetFullPath(outputPath);
        var selection = options.Selection ?? Selection.PathSelection.Everything;
        if (StagedOutput.IsInside(output, source) && !selection.ExcludesLocal(source, output))
        {
            throw new ModelInputException($"'{outputPath}' is inside the folder being packed ('{sourceDirectory}'); write the archive elsewhere");
        }

        if (Directory.Exists(output))
        {
            throw new ModelInputException($"'{outputPath}' is a directory; give the archive's file name");
        }

        var tree = selection.Apply(DirectorySource.Read(sourceDirectory));
        var (check, fileSystem) = ExtractionSimulator.Materialize(tree, new SimulationOptions { Mode = ExtractionMode.S3ObjectGzip });
        if (check.HasErrors)
        {
            return new PackResult(check, null, 0, 0, 0, null);
        }

        var members = PackPlanner.Plan(tree, fileSystem);
        options.Progress?.Start(members.Sum(m => m.Size));
        var staging = StagedOutput.StagingPathFor(output);
        try
        {
            var (tarLength, outputLength, fingerprint) = Write(members, staging, options, cancellationToken);
            StagedOutput.CommitFile(staging, output);
            return new PackResult(check, output, members.Count, tarLength, outputLength, fingerprint);
        }
        catch
        {
            File.Delete(staging);
            throw;
        }
    }

    private static (long TarLength, long OutputLength, Fingerprint? Fingerprint) Write(List<PackEntry> members, string staging, PackOptions options, CancellationToken cancellationToken)
    {
        using var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize);
        using var fingerprinter = options.Fingerprint is null ? null : new Fingerprinter(options.Fingerprint);
        Stream sink = fingerprinter is null ? file : new FingerprintStream(fingerprinter, file, leaveOpen: true);
        long tarLength;
        using (var gzip = new ParallelGzipStream(sink, options.GzipOptions, leaveOpen: true, cancellationToken))
        {
            using var tar = new CountingStream(gzip);
            var buffer = new byte[CopyBufferSize];
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TarHeaderWriter.WriteMember(tar, member, options.ModificationTime);
                if (!member.IsDirectory)
                {
                    CopyExactly(member, tar, buffer, options.Progress, cancellationToken);
                    TarHeaderWriter.Pad(tar, member.Size);
                }
            }

            tar.Write(new byte[2 * TarHeaderWriter.BlockSize]);
            tarLength = tar.Length;
            gzip.Complete();
        }

        var fingerprint = fingerprinter?.Complete();
        if (!ReferenceEquals(sink, file))
        {
            sink.Dispose();
        }

        file.Flush(flushToDisk: true);
        return (tarLength, file.Length, fingerprint);
    }

    /// <summary>Copies exactly the size the walk saw: a file that grew or shrank since is an error, not a corrupt member.</summary>
    private static void CopyExactly(PackEntry member, Stream output, byte[] buffer, IByteProgress? progress, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new FileStream(member.LocalPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var remaining = member.Size;
            while (remaining > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (read == 0)
                {
                    throw new ModelInputException($"'{member.Path}' shrank while it was packed ({member.Size - remaining} of {member.Size} bytes)");
                }

                output.Write(buffer, 0, read);
                progress?.Advance(read);
                remaining -= read;
            }

            if (input.ReadByte() >= 0)
            {
                throw new ModelInputException($"'{member.Path}' grew while it was packed (was {member.Size} bytes)");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelInputException($"'{member.LocalPath}': {e.Message}", e);
        }
    }
}
