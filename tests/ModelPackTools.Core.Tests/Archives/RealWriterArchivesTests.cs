using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.Versioning;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Archives;

/// <summary>
/// One ordinary model folder archived by each writer people use (issue 10's "archives other people made"): GNU tar in
/// its default GNU format (././@LongLink names) and in POSIX pax, bsdtar (ustar and pax), busybox tar, Python's
/// tarfile as the SageMaker Python SDK calls it (`tarfile.open(path, "w:gz")`, PAX by default) and in GNU format, and
/// .NET's TarWriter in each format. Every one must check clean with the folder's files and sizes: a false alarm on
/// any of them is a bug. The folder has a path too long for a ustar name field, a UTF-8 name outside ASCII and an
/// executable.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RealWriterArchivesTests : IDisposable
{
    private static readonly string LongFolder = "weights/" + new string('d', 110);
    private readonly TempDirectory work = new();

    public RealWriterArchivesTests()
    {
        this.work.Write("model/config.json", "{}");
        this.work.Write($"model/{LongFolder}/part-0.bin", "weights!");
        this.work.Write("model/donn\u00e9es/caf\u00e9.txt", "utf8");
        var script = this.work.Write("model/code/inference.py", "print(1)");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ED);
    }

    public static TheoryData<string> Writers() =>
    [
        "tar czf (gnu format)", "tar --format=posix", "bsdtar", "bsdtar --format=pax", "busybox tar",
        "python tarfile w:gz (SageMaker SDK)", "python tarfile GNU_FORMAT", "dotnet TarWriter Pax", "dotnet TarWriter Gnu",
        "dotnet TarWriter Ustar",
    ];

    public void Dispose() => this.work.Dispose();

    [Theory]
    [MemberData(nameof(Writers))]
    public void An_ordinary_folder_archived_by_a_real_writer_checks_clean(string writer)
    {
        var archive = this.work.Combine("model.tar.gz");

        Archive(writer, this.work.Combine("model"), archive);
        var check = ModelChecker.Check(archive, new CheckSettings { Mode = ExtractionMode.S3ObjectGzip });

        Assert.Empty(check.Report.Diagnostics);
        Assert.Equal(
            ["code/inference.py", "config.json", "donn\u00e9es/caf\u00e9.txt", $"{LongFolder}/part-0.bin"],
            check.Tree.Entries.Where(e => e.Kind == EntryKind.File).Select(e => e.Path.StartsWith("./", StringComparison.Ordinal) ? e.Path[2..] : e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(2 + 8 + 4 + 8, check.Report.TotalBytes);
    }

    private static void Archive(string writer, string model, string archive)
    {
        const string Python = "import os, sys, tarfile\nwith tarfile.open(sys.argv[2], 'w:gz', format=getattr(tarfile, sys.argv[3])) as t:\n" +
            "    for n in sorted(os.listdir(sys.argv[1])): t.add(os.path.join(sys.argv[1], n), arcname=n)";
        switch (writer)
        {
            case "tar czf (gnu format)":
                RawNames.Run("tar", "czf", archive, "-C", model, ".");
                break;
            case "tar --format=posix":
                RawNames.Run("tar", "--format=posix", "-czf", archive, "-C", model, ".");
                break;
            case "bsdtar":
                RawNames.Run("bsdtar", "-czf", archive, "-C", model, ".");
                break;
            case "bsdtar --format=pax":
                RawNames.Run("bsdtar", "--format=pax", "-czf", archive, "-C", model, ".");
                break;
            case "busybox tar":
                RawNames.Run("sh", "-c", "cd \"$1\" && busybox tar -czf \"$2\" .", "sh", model, archive);
                break;
            case "python tarfile w:gz (SageMaker SDK)":
                RawNames.Run("python3", "-c", Python, model, archive, "PAX_FORMAT");
                break;
            case "python tarfile GNU_FORMAT":
                RawNames.Run("python3", "-c", Python, model, archive, "GNU_FORMAT");
                break;
            default:
                var format = Enum.Parse<TarEntryFormat>(writer["dotnet TarWriter ".Length..]);
                using (var file = File.Create(archive))
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
                {
                    TarFile.CreateFromDirectory(model, gzip, includeBaseDirectory: false);
                }

                if (format != TarEntryFormat.Pax)
                {
                    Rewrite(archive, format);
                }

                break;
        }
    }

    // TarFile writes PAX; the other formats go through a TarWriter of that format, entry by entry, as a .NET tool would.
    private static void Rewrite(string archive, TarEntryFormat format)
    {
        var copy = archive + ".tmp";
        using (var input = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress)))
        using (var output = new TarWriter(new GZipStream(File.Create(copy), CompressionLevel.Fastest), format))
        {
            while (input.GetNextEntry(copyData: true) is { } entry)
            {
                TarEntry converted = format switch
                {
                    TarEntryFormat.Gnu => new GnuTarEntry(entry),
                    _ => new UstarTarEntry(entry),
                };
                output.WriteEntry(converted);
            }
        }

        File.Move(copy, archive, overwrite: true);
    }
}
