using System.Formats.Tar;
using System.IO.Compression;

namespace ModelPackTools.Cli.Tests;

/// <summary>Small archives written with System.Formats.Tar: the CLI tests need ordinary archives, not hostile bytes.</summary>
internal static class TestArchives
{
    public static string Write(string directory, string name, params (string Path, TarEntryType Type, string? Link)[] entries)
    {
        var path = System.IO.Path.Combine(directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entryPath, type, link) in entries)
        {
            var entry = new PaxTarEntry(type, entryPath);
            if (link is not null)
            {
                entry.LinkName = link;
            }

            if (type == TarEntryType.RegularFile)
            {
                entry.DataStream = new MemoryStream("data"u8.ToArray());
            }

            tar.WriteEntry(entry);
        }

        return path;
    }
}
