using System.Globalization;
using System.Text;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Archives;

/// <summary>
/// Reads a .tar or .tar.gz as a stream of 512-byte headers into a <see cref="ModelTree"/>, never extracting anything
/// and never holding member data in memory.
/// </summary>
/// <remarks>
/// Headers are decoded here rather than through System.Formats.Tar or SharpZipLib's TarInputStream because both
/// normalise or throw on exactly the headers the rules exist to judge: duplicate PAX keys (last one wins), a NUL in
/// a PAX path, negative base-256 sizes, a GNU long name that disagrees with a PAX path, data after the end marker.
/// </remarks>
public sealed partial class TarArchiveReader
{
    private const int Block = TarHeaderFields.BlockSize;

    private readonly Stream stream;
    private readonly ArchiveReadOptions options;
    private readonly List<ModelEntry> entries = [];
    private readonly List<Diagnostic> diagnostics = [];
    private readonly byte[] header = new byte[Block];
    private long offset;
    private Dictionary<string, byte[]>? pendingPax;
    private byte[]? pendingLongName;
    private byte[]? pendingLongLink;
    private readonly List<string> pendingProblems = [];

    // Findings about the headers of the member being read (its extended headers included), reported under its name.
    private readonly List<Diagnostic> pendingFindings = [];
    private string lastMemberName = "(start of archive)";

    private TarArchiveReader(Stream stream, ArchiveReadOptions options)
    {
        this.stream = stream;
        this.options = options;
    }

    public static ModelTree Read(string archivePath, ArchiveReadOptions options)
    {
        using var file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(file, archivePath, options);
    }

    /// <summary>Reads from any stream; gzip is detected from the magic number, not from a file name.</summary>
    public static ModelTree Read(Stream input, string sourceName, ArchiveReadOptions options)
    {
        var buffered = input.CanSeek ? input : new BufferedStream(input, 1 << 16);
        var gzip = buffered.CanSeek && GzipValidatingStream.HasGzipMagic(buffered);
        using var gzipStream = gzip ? new GzipValidatingStream(buffered, options.MaxCompressionRatio) : null;
        var reader = new TarArchiveReader(gzipStream ?? buffered, options);
        var complete = reader.ReadAll();
        return new ModelTree(sourceName, SourceKind.Archive, reader.entries, reader.diagnostics)
        {
            IsGzipCompressed = gzip,
            IsIncomplete = !complete,
        };
    }

    private bool ReadAll()
    {
        try
        {
            while (true)
            {
                var read = this.stream.ReadAtLeast(this.header, Block, throwOnEndOfStream: false);
                if (read == 0)
                {
                    if (this.pendingPax is not null || this.pendingLongName is not null || this.pendingLongLink is not null)
                    {
                        throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, "the archive ends after an extended header, before the member it describes");
                    }

                    if (this.entries.Count == 0 && this.offset == 0)
                    {
                        throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, "the archive is empty (no tar header at all)");
                    }

                    this.diagnostics.Add(DiagnosticCatalog.MissingEndMarker.Create(null));
                    return true;
                }

                if (read < Block)
                {
                    throw new ArchiveFormatException(DiagnosticCatalog.TruncatedArchive, $"the archive ends inside a header at offset {this.offset}, after {read} of 512 bytes");
                }

                if (TarHeaderFields.IsZeroBlock(this.header))
                {
                    this.CheckAfterEndMarker();
                    return true;
                }

                this.ReadHeader();
                if (this.entries.Count >= this.options.MaxEntries)
                {
                    throw new ArchiveFormatException(DiagnosticCatalog.LimitExceeded, $"the archive has more than {this.options.MaxEntries} members; reading stopped");
                }
            }
        }
        catch (ArchiveFormatException e)
        {
            this.diagnostics.Add(e.ToDiagnostic(null));
            return false;
        }
    }

    private void ReadHeader()
    {
        var headerOffset = this.offset;
        this.offset += Block;
        ReadOnlySpan<byte> h = this.header;
        if (!TarHeaderFields.ChecksumMatches(h, out var stored))
        {
            if (this.entries.Count == 0 && headerOffset == 0 && !h.Slice(257, 5).SequenceEqual("ustar"u8))
            {
                // Say what it is when the bytes tell (a gzip-compressed zip, a .tar that is really an HTML page).
                throw FileMagic.Describe(h) is { } what
                    ? new ArchiveFormatException(DiagnosticCatalog.NotAModelArchive, $"the {(this.stream is GzipValidatingStream ? "gzip-compressed data" : "file")} is {what}, not a tar archive")
                    : new ArchiveFormatException(DiagnosticCatalog.UnreadableInput, "the file is not a tar archive (no valid tar header at its start)");
            }

            throw new ArchiveFormatException(
                DiagnosticCatalog.MalformedHeader,
                $"the header at offset {headerOffset} (after member '{this.lastMemberName}') has a wrong checksum ({stored}); reading stopped");
        }

        var typeFlag = (char)h[156];
        var isPosixUstar = h.Slice(257, 6).SequenceEqual("ustar\0"u8);
        this.CheckHiddenBytes(h, headerOffset, isPosixUstar);
        var nameBytes = TarHeaderFields.Text(h[..100]).ToArray();
        if (isPosixUstar)
        {
            var prefix = TarHeaderFields.Text(h.Slice(345, 155));
            if (!prefix.IsEmpty)
            {
                nameBytes = [.. prefix, (byte)'/', .. nameBytes];
            }
        }

        var displayName = Encoding.UTF8.GetString(nameBytes);
        var size = TarHeaderFields.Number(h.Slice(124, 12), "size", displayName);
        var mode = (int)(TarHeaderFields.Number(h.Slice(100, 8), "mode", displayName) & 0xFFF);

        switch (typeFlag)
        {
            case 'x' or 'X':
                // 'X' is the Solaris extended header that POSIX 'x' was standardised from; GNU tar reads both alike.
                if (this.pendingPax is not null)
                {
                    this.pendingProblems.Add("two PAX extended headers describe one member");
                }

                var pax = PaxRecords.Parse(this.ReadData(size, this.options.MaxExtendedHeaderBytes, "PAX extended header"), $"PAX header at offset {headerOffset}", this.pendingProblems);
                this.pendingPax ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (var (key, value) in pax)
                {
                    this.pendingPax[key] = value;
                }

                return;
            case 'g':
                var global = PaxRecords.Parse(this.ReadData(size, this.options.MaxExtendedHeaderBytes, "PAX global header"), $"PAX global header at offset {headerOffset}", this.pendingProblems);
                foreach (var key in new[] { "path", "linkpath", "size" })
                {
                    if (global.ContainsKey(key))
                    {
                        this.pendingProblems.Add($"a PAX global header sets '{key}' for every later member");
                    }
                }

                return;
            case 'L':
                if (this.pendingLongName is not null)
                {
                    this.pendingProblems.Add("two GNU long-name headers describe one member");
                }

                this.pendingLongName = TarHeaderFields.Text(this.ReadData(size, this.options.MaxLongNameBytes, "GNU long name")).ToArray();
                return;
            case 'K':
                if (this.pendingLongLink is not null)
                {
                    this.pendingProblems.Add("two GNU long-link headers describe one member");
                }

                this.pendingLongLink = TarHeaderFields.Text(this.ReadData(size, this.options.MaxLongNameBytes, "GNU long link name")).ToArray();
                return;
        }

        this.ReadMember(h, typeFlag, nameBytes, size, mode);
    }

    private void CheckHiddenBytes(ReadOnlySpan<byte> h, long headerOffset, bool isPosixUstar)
    {
        // The prefix field exists only in POSIX ustar headers; old GNU headers keep times and offsets there.
        ReadOnlySpan<(string Field, int Start, int Length)> fields = [("name", 0, 100), ("link name", 157, 100), ("prefix", 345, 155)];
        foreach (var (field, start, length) in fields)
        {
            if (field == "prefix" && !isPosixUstar)
            {
                continue;
            }

            var hidden = TarHeaderFields.HiddenBytes(h.Slice(start, field == "prefix" && TarHeaderFields.IsStarTimes(h) ? 131 : length));
            if (hidden > 0)
            {
                this.pendingFindings.Add(DiagnosticCatalog.HiddenHeaderBytes.Create(null, field, headerOffset, hidden));
            }
        }
    }

    private void ReadMember(ReadOnlySpan<byte> h, char typeFlag, byte[] nameBytes, long size, int mode)
    {
        var pax = this.pendingPax;
        if (pax is not null)
        {
            PaxOverrides.Check(pax, h, nameBytes, size, this.pendingFindings);
        }

        if (pax is not null && pax.TryGetValue("path", out var paxPath))
        {
            if (this.pendingLongName is not null && !paxPath.AsSpan().SequenceEqual(this.pendingLongName))
            {
                this.pendingProblems.Add(
                    $"the PAX path '{Encoding.UTF8.GetString(paxPath)}' and the GNU long name '{Encoding.UTF8.GetString(this.pendingLongName)}' disagree");
            }

            nameBytes = paxPath;
        }
        else if (this.pendingLongName is not null)
        {
            nameBytes = this.pendingLongName;
        }

        var linkBytes = pax is not null && pax.TryGetValue("linkpath", out var paxLink)
            ? paxLink
            : this.pendingLongLink ?? TarHeaderFields.Text(h.Slice(157, 100)).ToArray();

        var isPaxSparse = pax is not null && pax.Keys.Any(k => k.StartsWith("GNU.sparse.", StringComparison.Ordinal));
        if (isPaxSparse && pax!.TryGetValue("GNU.sparse.name", out var sparseName))
        {
            nameBytes = sparseName;
        }

        var path = NameDecoder.Decode(nameBytes, out var invalidName);
        if (pax is not null && pax.TryGetValue("size", out var paxSize))
        {
            if (!long.TryParse(paxSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
            {
                throw new ArchiveFormatException(DiagnosticCatalog.MalformedHeader, $"member '{path}': the PAX size '{Encoding.UTF8.GetString(paxSize)}' is not a non-negative number");
            }
        }

        foreach (var problem in this.pendingProblems)
        {
            this.diagnostics.Add(DiagnosticCatalog.ConflictingNames.Create(path, problem));
        }

        foreach (var finding in this.pendingFindings)
        {
            this.diagnostics.Add(finding with { Path = path });
        }

        this.pendingProblems.Clear();
        this.pendingFindings.Clear();
        this.pendingPax = null;
        this.pendingLongName = null;
        this.pendingLongLink = null;
        this.lastMemberName = path;

        var (kind, hasData, problem2) = Classify(typeFlag, isPaxSparse);
        var entry = new ModelEntry
        {
            Path = path,
            Kind = kind,
            Size = hasData ? size : 0,
            Mode = mode,
            LinkTarget = kind is EntryKind.SymbolicLink or EntryKind.HardLink ? NameDecoder.Decode(linkBytes, out _) : null,
            HasInvalidUtf8 = invalidName,
            DeclaredDataSize = hasData ? 0 : size,
            Problem = problem2,
        };
        this.entries.Add(entry);

        if (typeFlag == 'S' && h[482] != 0)
        {
            this.SkipSparseExtensionBlocks(path);
        }

        if (hasData)
        {
            this.SkipData(size, path, kind == EntryKind.File ? this.options.Content.Begin(path, size) : null);
        }
    }

    /// <summary>
    /// Which entries carry data follows Python's tarfile (and POSIX): regular, contiguous, sparse and unknown types
    /// do; links, directories and devices do not, whatever their size field says (that case gets MPK2005).
    /// </summary>
    private static (EntryKind Kind, bool HasData, string? Problem) Classify(char typeFlag, bool isPaxSparse) => typeFlag switch
    {
        '0' or '\0' or '7' when isPaxSparse => (EntryKind.Sparse, true, "PAX sparse file (GNU.sparse.* records)"),
        '0' or '\0' or '7' => (EntryKind.File, true, null),
        '1' => (EntryKind.HardLink, false, null),
        '2' => (EntryKind.SymbolicLink, false, null),
        '3' => (EntryKind.CharacterDevice, false, null),
        '4' => (EntryKind.BlockDevice, false, null),
        '5' => (EntryKind.Directory, false, null),
        '6' => (EntryKind.Fifo, false, null),
        'S' => (EntryKind.Sparse, true, "GNU sparse file (type 'S')"),
        'D' => (EntryKind.Unknown, true, "GNU dump-directory entry (type 'D')"),
        'M' => (EntryKind.Unknown, true, "GNU multi-volume continuation (type 'M')"),
        'V' => (EntryKind.Unknown, true, "GNU volume label (type 'V')"),
        _ => (EntryKind.Unknown, true, $"unknown entry type flag '{(typeFlag is >= ' ' and < (char)127 ? typeFlag.ToString() : $"\\x{(int)typeFlag:X2}")}'"),
    };
}
