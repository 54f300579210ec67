using System.Buffers.Binary;
using ModelPackTools.Content.Nesting;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Torch;

/// <summary>
/// torch.save's oldest format, a tar that torch/serialization.py `_load` still tries first (its `legacy_load`, for a
/// real file at offset 0): the member `storages` is a pickle of the storage count, then per storage a pickle of
/// (key, location, storage type), an int64 element count and the raw elements, then a pickle of the storage views;
/// `tensors` is a pickle of the tensor count, then per tensor a pickle of (key, storage id, tensor type) and its
/// int32 ndim, 4 bytes of padding, sizes, strides (int64 each) and an int64 offset; `pickle` is the object pickle.
/// legacy_load unpickles all three, so every pickle in them is judged, the raw bytes between them are skipped by the
/// sizes they give (never read), and anything that does not add up is MPK4003. `storages` and `tensors` must be read
/// to their last byte; a member named twice or that is a link (tarfile reads the last one, or follows the link) is
/// refused.
/// </summary>
public static class TorchLegacyTar
{
    // legacy_load reads them in this order.
    private static readonly string[] LoadedMembers = ["storages", "tensors", "pickle"];

    /// <summary>
    /// The findings for a file that is a tar (<see cref="UstarHeaders.IsTarHeader"/>), or null when it holds none of
    /// the members torch loads (some other tar: not torch's to load, nor this scan's to judge).
    /// </summary>
    public static List<Diagnostic>? Judge(string path, Stream file, ContentNesting nesting)
    {
        var (members, error, errorOffset) = UstarHeaders.Read(file);
        if (error is not null)
        {
            return [Broken(path, error, errorOffset)];
        }

        if (!members.Any(m => LoadedMembers.Contains(m.Name, StringComparer.Ordinal)))
        {
            return null;
        }

        var findings = new List<Diagnostic>();
        foreach (var name in LoadedMembers)
        {
            var named = members.Where(m => m.Name == name).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            if (named.Count > 1)
            {
                findings.Add(Broken(path, $"a legacy torch tar with two members '{name}'", named[1].HeaderOffset));
                continue;
            }

            if (!named[0].IsRegular)
            {
                findings.Add(Broken(path, $"a legacy torch tar whose member '{name}' is not a regular file", named[0].HeaderOffset));
                continue;
            }

            var reader = new MemberReader(path, file, named[0], nesting);
            var found = name switch
            {
                "storages" => reader.Storages(),
                "tensors" => reader.Tensors(),
                _ => reader.ObjectPickle(),
            };
            findings.AddRange(found.Select(f => f with { Message = $"{f.Message} (in the legacy torch tar's '{name}' member)" }));
        }

        return findings;
    }

    private static Diagnostic Broken(string path, string problem, long offset) => DiagnosticCatalog.PickleUnparsable.Create(path, problem, offset);

    /// <summary>torch/_utils.py `_element_size` of a legacy storage type (torch.FloatStorage, torch.cuda.HalfStorage ...), or null.</summary>
    private static int? ElementSize(PickleImport type)
    {
        if (type.Module is not ("torch" or "torch.cuda") || !type.Name.EndsWith("Storage", StringComparison.Ordinal))
        {
            return null;
        }

        return type.Name[..^"Storage".Length] switch
        {
            "Byte" or "Char" or "Bool" or "QUInt8" or "QInt8" or "QUInt4x2" or "QUInt2x4" => 1,
            "Short" or "Half" or "BFloat16" => 2,
            "Int" or "Float" or "QInt32" => 4,
            "Long" or "Double" or "ComplexFloat" => 8,
            "ComplexDouble" => 16,
            _ => null,
        };
    }

    /// <summary>Reads one member's pickles and raw fields in order, every offset counted from the start of the file.</summary>
    private sealed class MemberReader(string path, Stream file, TarMember member, ContentNesting nesting)
    {
        // A pickle is read in a window that grows until it holds the whole pickle (records are bytes, storages gigabytes).
        private const int FirstWindow = 1 << 12;

        // More storages or tensors than any model holds: a count past it is refused rather than read record by record.
        private const long MaxRecords = 1 << 18;

        private readonly long end = member.DataOffset + member.Size;
        private readonly List<Diagnostic> findings = [];
        private long pos = member.DataOffset;

        public List<Diagnostic> Storages()
        {
            if (this.Count("storage count") is not { } count)
            {
                return this.findings;
            }

            for (long i = 0; i < count; i++)
            {
                var at = this.pos;
                if (this.Pickle() is not { } record)
                {
                    return this.findings;
                }

                if (record.Value is not PickleTuple { Items: [_, _, GlobalRef { Import: var type }] })
                {
                    return this.Fail("a storage record that is not (key, location, storage type)", at);
                }

                if (ElementSize(type) is not { } size)
                {
                    return this.Fail($"a storage of type '{type.FullName}', whose element size the scan does not know", at);
                }

                if (this.Int64() is not { } elements || elements < 0 || elements > (this.end - this.pos) / size)
                {
                    return this.Fail("a storage whose element count runs past the end of the member", this.pos);
                }

                this.pos += elements * size;
            }

            if (this.Pickle() is null)
            {
                return this.findings; // the storage views
            }

            return this.pos == this.end ? this.findings : this.Fail("data after the storage views", this.pos);
        }

        public List<Diagnostic> Tensors()
        {
            if (this.Count("tensor count") is not { } count)
            {
                return this.findings;
            }

            for (long i = 0; i < count; i++)
            {
                if (this.Pickle() is null)
                {
                    return this.findings;
                }

                var at = this.pos;
                var fixedPart = this.Read(8);
                int ndim = fixedPart is null ? -1 : BinaryPrimitives.ReadInt32LittleEndian(fixedPart);
                if (ndim is < 0 or > 64 || this.end - this.pos < (16L * ndim) + 8)
                {
                    return this.Fail("a tensor record whose dimensions run past the end of the member", at);
                }

                this.pos += (16L * ndim) + 8; // sizes, strides, storage offset
            }

            return this.pos == this.end ? this.findings : this.Fail("data after the last tensor", this.pos);
        }

        public List<Diagnostic> ObjectPickle()
        {
            if (this.Pickle() is not null && this.pos != this.end)
            {
                this.Fail("data after STOP", this.pos);
            }

            return this.findings;
        }

        private long? Count(string what)
        {
            var at = this.pos;
            var pickle = this.Pickle();
            if (pickle is null)
            {
                return null;
            }

            if (pickle.Value is not long count || count < 0)
            {
                this.Fail($"a {what} that is not a number", at);
                return null;
            }

            if (count > MaxRecords)
            {
                this.Fail($"a {what} of {count}, more than the {MaxRecords} the scan reads", at);
                return null;
            }

            return count;
        }

        /// <summary>The next pickle, judged; null (after its findings) when it does not parse, and the member is read no further.</summary>
        private PickleDisassembly? Pickle()
        {
            long start = this.pos;
            long left = this.end - start;
            long window = Math.Min(FirstWindow, left);
            PickleDisassembly pickle;
            while (true)
            {
                var bytes = this.Read(start, (int)window);
                pickle = PickleDisassembler.Disassemble(bytes, 0, wholeStream: false);
                if (pickle.Error is null || window == left || window >= PickleScan.MaxStreamBytes)
                {
                    break;
                }

                window = Math.Min(Math.Min(window * 8, left), PickleScan.MaxStreamBytes);
            }

            if (pickle.Error is not null && window < left)
            {
                pickle = pickle with { Error = $"a pickle longer than the {PickleScan.MaxStreamBytes >> 20} MiB the scan reads, or broken", ErrorOffset = 0 };
            }

            pickle = Shifted(pickle, start);
            this.findings.AddRange(PickleScan.Judge(path, pickle, nesting));
            if (pickle.Error is not null)
            {
                return null;
            }

            this.pos = start + pickle.End;
            return pickle;
        }

        private long? Int64() => this.Read(8) is { } bytes ? BinaryPrimitives.ReadInt64LittleEndian(bytes) : null;

        private byte[]? Read(int count)
        {
            if (this.end - this.pos < count)
            {
                return null;
            }

            var bytes = this.Read(this.pos, count);
            this.pos += count;
            return bytes;
        }

        private byte[] Read(long at, int count)
        {
            var bytes = new byte[count];
            file.Position = at;
            file.ReadExactly(bytes);
            return bytes;
        }

        private List<Diagnostic> Fail(string problem, long at)
        {
            this.findings.Add(Broken(path, $"a legacy torch tar with {problem}", at));
            return this.findings;
        }

        // Offsets as the file's: the disassembler counts from the start of the window it was given.
        private static PickleDisassembly Shifted(PickleDisassembly pickle, long by) => pickle with
        {
            Imports = [.. pickle.Imports.Select(i => i with { Offset = i.Offset + by })],
            ErrorOffset = pickle.Error is null ? pickle.ErrorOffset : pickle.ErrorOffset + by,
            PersistentIds = [.. pickle.PersistentIds.Select(p => p with { Offset = p.Offset + by })],
            GlobalBuilds = [.. pickle.GlobalBuilds.Select(i => i with { Offset = i.Offset + by })],
            NestedLoads = [.. pickle.NestedLoads.Select(l => l with { Offset = l.Offset + by, Loader = l.Loader with { Offset = l.Loader.Offset + by } })],
        };
    }
}
