using ModelPackTools.Archives;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Extraction;
using ModelPackTools.Hashing;
using ModelPackTools.IO;
using ModelPackTools.Trees;

namespace ModelPackTools.Packing;

/// <summary>
/// Builds a deterministic model.tar.gz from a checked folder: the same files give the same bytes whatever their
/// mtimes, owners, creation order or the thread count. It packs exactly the tree the check judged (a folder with
/// errors is refused) and never walks the folder again. The archive is written beside the target and renamed only
/// when complete; its ETag and checksums are computed from the bytes on their way to disk, and the content
/// inspectors see each file's bytes as they are copied, so neither costs a second read.
/// </summary>
public static class ModelPacker
{
    private const int CopyBufferSize = 1 << 20;

    // Compressed segments (about a block each) are larger and go straight to the file; only headers and stored
    // blocks' small pieces are gathered here.
    private const int OutputBufferSize = 64 << 10;

    public static PackResult Pack(ModelCheck check, string outputPath, PackOptions options, CancellationToken cancellationToken = default)
    {
        var source = CheckedFolder.RootOf(check, ExtractionMode.S3ObjectGzip);
        var output = Path.GetFullPath(outputPath);
        if (StagedOutput.IsInside(output, source) && !check.Settings.Selection.ExcludesLocal(source, output))
        {
            throw new ModelPackException(DiagnosticCatalog.OutputOverlapsInput, $"'{outputPath}' is inside the folder being packed ('{check.Tree.SourceName}'); write the archive elsewhere");
        }

        if (Directory.Exists(output))
        {
            throw new ModelPackException(DiagnosticCatalog.OutputNotWritten, outputPath, "it is a directory; give the archive's file name");
        }

        if (check.HasErrors)
        {
            return new PackResult(check.Report, null, 0, 0, 0, null);
        }

        var members = PackPlanner.Plan(check);
        var content = check.ContentPending ? check.Content : null;
        options.Progress?.Start(members.Sum(m => m.Size));
        var staging = StagedOutput.StagingPathFor(output);
        try
        {
            var (tarLength, outputLength, fingerprint) = Write(members, staging, options, content, cancellationToken);
            var report = check.ReportWithContent();
            if (report.HasErrors)
            {
                File.Delete(staging);
                return new PackResult(report, null, 0, 0, 0, null);
            }

            StagedOutput.CommitFile(staging, output);
            return new PackResult(report, output, members.Count, tarLength, outputLength, fingerprint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(staging);
            throw ModelPackException.Because(e, DiagnosticCatalog.OutputNotWritten, outputPath, e.Message);
        }
        catch
        {
            File.Delete(staging);
            throw;
        }
    }

    private static (long TarLength, long OutputLength, Fingerprint? Fingerprint) Write(List<PackEntry> members, string staging, PackOptions options, ContentInspection? content, CancellationToken cancellationToken)
    {
        // Shared for reading: the trailing fingerprinter reads the parts back while the rest is still being written.
        using var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.Read, OutputBufferSize);
        using var trailing = options.Fingerprint is null ? null : TrailingFingerprinter.TryCreate(staging, options.Fingerprint, cancellationToken);
        using var fingerprinter = options.Fingerprint is null || trailing is not null ? null : new Fingerprinter(options.Fingerprint);
        Stream sink = trailing is not null ? new TrailingHashStream(file, trailing)
            : fingerprinter is not null ? new FingerprintStream(fingerprinter, file, leaveOpen: true)
            : file;

        // Disposed on every path: the trailing stream waits there for its background fsync, which uses the file.
        using var ownedSink = ReferenceEquals(sink, file) ? null : sink;
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
                    CopyExactly(member, tar, buffer, options.Progress, content?.Begin(member.Path, member.Size, member.LocalPath), cancellationToken);
                    TarHeaderWriter.Pad(tar, member.Size);
                }
            }

            tar.Write(new byte[2 * TarHeaderWriter.BlockSize]);
            tarLength = tar.Length;
            gzip.Complete();
        }

        file.Flush();
        var outputLength = file.Length;

        // The parts left to hash are read from the page cache while the file goes to disk.
        var hashing = trailing?.CompleteAsync(outputLength);
        var fingerprint = fingerprinter?.Complete();
        file.Flush(flushToDisk: true);
        fingerprint ??= hashing?.GetAwaiter().GetResult();
        return (tarLength, outputLength, fingerprint);
    }

    /// <summary>Copies exactly the size the walk saw: a file that grew or shrank since is an error, not a corrupt member.</summary>
    private static void CopyExactly(PackEntry member, Stream output, byte[] buffer, IByteProgress? progress, ContentTap? content, CancellationToken cancellationToken)
    {
        FileStream input;
        try
        {
            input = RawPathFile.OpenRead(member.LocalPath!); // by its stored bytes where the name is not UTF-8
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, member.LocalPath, e.Message);
        }

        using (input)
        {
            var remaining = member.Size;
            while (remaining > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = ReadSome(input, buffer, (int)Math.Min(buffer.Length, remaining), member);
                if (read == 0)
                {
                    throw new ModelPackException(DiagnosticCatalog.InputChanged, $"'{member.Path}' shrank while it was packed ({member.Size - remaining} of {member.Size} bytes)");
                }

                output.Write(buffer, 0, read);
                if (content is { Wants: true })
                {
                    content.Append(buffer.AsSpan(0, read));
                }

                progress?.Advance(read);
                remaining -= read;
            }

            if (ReadSome(input, buffer, 1, member) > 0)
            {
                throw new ModelPackException(DiagnosticCatalog.InputChanged, $"'{member.Path}' grew while it was packed (was {member.Size} bytes)");
            }
        }

        content?.Complete();
    }

    // Read failures are the input's; write failures (caught in Pack) are the output's.
    private static int ReadSome(FileStream input, byte[] buffer, int count, PackEntry member)
    {
        try
        {
            return input.Read(buffer, 0, count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, member.LocalPath, e.Message);
        }
    }
}
