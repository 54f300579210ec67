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

        if (Directory.Exists(input))
        {
            return DirectorySource.Read(input);
        }

        if (!File.Exists(input))
        {
            throw new ModelPackException(DiagnosticCatalog.InputNotFound, input, "no such file or directory");
        }

        var prefix = options.S3Uri?.Key;
        return Sniff(input) switch
        {
            InputFormat.Archive => ReadArchive(input, options.Archive),
            InputFormat.ListObjectsJson => ListObjectsJsonSource.Read(input, prefix),
            InputFormat.Manifest => ManifestSource.Read(input),
            InputFormat.InventoryCsv => InventoryCsvSource.Read(input, prefix),
            _ => KeyListSource.Read(input, prefix),
        };
    }

    public static bool IsS3Uri(string input) => input.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

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
    }

    private static InputFormat Sniff(string path)
    {
        var head = new byte[512];
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

        var name = path.ToLowerInvariant();
        if ((length >= 2 && head[0] == 0x1F && head[1] == 0x8B) || name.EndsWith(".tar", StringComparison.Ordinal) ||
            name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) ||
            (length == 512 && head.AsSpan(257, 5).SequenceEqual("ustar"u8)))
        {
            return InputFormat.Archive;
        }

        if (ManifestReader.LooksLikeManifest(head.AsSpan(0, length)))
        {
            return InputFormat.Manifest;
        }

        var text = head.AsSpan(0, length).TrimStart(" \t\r\n"u8);
        if (text.Length > 0 && text[0] == (byte)'{')
        {
            return InputFormat.ListObjectsJson;
        }

        return name.EndsWith(".csv", StringComparison.Ordinal) ? InputFormat.InventoryCsv : InputFormat.KeyList;
    }
}
