using ModelPackTools.Archives;
using ModelPackTools.Diagnostics;
using ModelPackTools.Manifests;
using ModelPackTools.Sources;
using ModelPackTools.Trees;

namespace ModelPackTools.Engine;

/// <summary>
/// Turns whatever the user points at into a <see cref="ModelTree"/>: a folder, a .tar/.tar.gz/.tgz archive, a
/// list-objects-v2 JSON, a manifest written by this tool, an S3 Inventory CSV or a plain key list. The format is sniffed
/// from the bytes, with the file name only as a tie-breaker, so a misnamed archive is still read as an archive.
/// </summary>
public static class ModelSourceReader
{
    public static ModelTree Read(string input, ModelSourceOptions options)
    {
        if (IsS3Uri(input))
        {
            throw new ModelPackException(
                DiagnosticCatalog.InputNotFound, input,
                "listing S3 live needs the S3 client (a saved listing works offline: `aws s3api list-objects-v2 --bucket B --prefix P > listing.json`)");
        }

        RefuseSpecialFile(input);
        if (Directory.Exists(input))
        {
            return DirectorySource.Read(input);
        }

        if (!File.Exists(input))
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotFound, input, "no such file or directory");
        }

        var prefix = options.S3Uri?.Key;
        return Sniff(input, out var what) switch
        {
            InputFormat.Archive => ReadArchive(input, options.Archive),
            InputFormat.Other => new ModelTree(input, SourceKind.Archive, [], [DiagnosticCatalog.NotAModelArchive.Create(null, $"the file is {what}, not a tar archive or a list of S3 keys")])
            {
                IsIncomplete = true,
            },
            InputFormat.ListObjectsJson => ListObjectsJsonSource.Read(input, prefix),
            InputFormat.Manifest => ManifestSource.Read(input),
            InputFormat.InventoryCsv => InventoryCsvSource.Read(input, prefix),
            _ => KeyListSource.Read(input, prefix),
        };
    }

    /// <summary>A FIFO blocks whoever opens it and a character device never ends: refused before anything opens them.</summary>
    private static void RefuseSpecialFile(string input)
    {
        var kind = FileStatus.KindOfTarget(input);
        var noun = kind switch
        {
            EntryKind.Fifo => "a FIFO (named pipe)",
            EntryKind.CharacterDevice => "a character device",
            EntryKind.BlockDevice => "a block device",
            EntryKind.Socket => "a socket",
            EntryKind.Unknown => "neither a file nor a folder",
            _ => null,
        };
        if (noun is not null)
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotRegular, input, noun);
        }
    }

    public static bool IsS3Uri(string input) => input.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a file is, by its bytes, a listing of S3 objects (list-objects JSON, a manifest, an inventory CSV).</summary>
    internal static bool IsObjectListing(string input) => Sniff(input, out _) is InputFormat.ListObjectsJson or InputFormat.Manifest or InputFormat.InventoryCsv;

    private static ModelTree ReadArchive(string path, ArchiveReadOptions options)
    {
        try
        {
            return TarArchiveReader.Read(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, path, e.Message);
        }
    }

    private enum InputFormat
    {
        Archive,
        ListObjectsJson,
        Manifest,
        InventoryCsv,
        KeyList,
        Other,
    }

    /// <summary>
    /// Magic numbers first, then the name: a zip named model.tar.gz is a zip. A file becomes a key listing only when
    /// it is text whose lines look like keys; anything else is named (<paramref name="what"/>) rather than parsed.
    /// </summary>
    private static InputFormat Sniff(string path, out string what)
    {
        what = string.Empty;
        var head = new byte[64 * 1024];
        int length;
        try
        {
            using var file = File.OpenRead(path);
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, path, e.Message);
        }

        var bytes = head.AsSpan(0, length);
        var name = path.ToLowerInvariant();
        if ((length >= 2 && head[0] == 0x1F && head[1] == 0x8B) ||
            (length >= 512 && (bytes.Slice(257, 5).SequenceEqual("ustar"u8) || TarHeaderFields.ChecksumMatches(bytes[..512], out _))))
        {
            return InputFormat.Archive;
        }

        if (FileMagic.Describe(bytes[..Math.Min(length, 4096)]) is { } described)
        {
            what = described;
            return InputFormat.Other;
        }

        if (ManifestReader.LooksLikeManifest(bytes))
        {
            return InputFormat.Manifest;
        }

        var text = bytes.TrimStart(" \t\r\n"u8);
        if (text.Length > 0 && text[0] == (byte)'{')
        {
            return InputFormat.ListObjectsJson;
        }

        if (name.EndsWith(".tar", StringComparison.Ordinal) || name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal))
        {
            return InputFormat.Archive; // the reader says what is wrong with it
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            return InputFormat.InventoryCsv;
        }

        if (!KeyListSource.LooksLikeKeys(bytes, length == head.Length, out var problem))
        {
            what = problem;
            return InputFormat.Other;
        }

        return InputFormat.KeyList;
    }
}
