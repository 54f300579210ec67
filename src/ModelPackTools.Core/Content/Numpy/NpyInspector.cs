using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Numpy;

/// <summary>
/// The "npy" content inspector: a file that starts with the `.npy` magic (numpy/lib/format.py: "\x93NUMPY", version,
/// header length, a Python dict literal) is read up to its header. An array of Python objects (`descr` holding an `O`
/// field) is stored as a pickle after the header, which `np.load(allow_pickle=True)` runs: the pickle is scanned like
/// any other, and the array itself is a warning, not an error, since `np.load` refuses it by default
/// (allow_pickle=False since NumPy 1.16.3). A file without the magic that `np.load` would fall back to unpickling is
/// the pickle inspector's. Plain arrays cost the header only.
/// </summary>
public sealed partial class NpyInspector(IReadOnlySet<string> reviewed) : IContentInspector
{
    public static NpyInspector Default { get; } = new(new HashSet<string>());

    public string Name => "npy";

    public IReadOnlySet<string> Reviewed => reviewed;

    public NpyInspector Allowing(IEnumerable<string> imports) => new(new HashSet<string>(reviewed.Concat(imports), StringComparer.Ordinal));

    public IContentScan? Begin(ContentSubject subject) => subject.Size < 10 ? null : new Scan(subject, reviewed);

    // A field of dtype object in the descr: '|O', '<O8', or inside a structured descr's list of tuples.
    [GeneratedRegex(@"'descr'\s*:\s*(?<descr>\[.*\]|'[^']*')", RegexOptions.Singleline)]
    private static partial Regex Descr();

    [GeneratedRegex(@"'[|<>=]?O\d*'")]
    private static partial Regex ObjectField();

    private sealed class Scan(ContentSubject subject, IReadOnlySet<string> reviewed) : IContentScan
    {
        private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

        private readonly ArrayBufferWriter<byte> bytes = new();
        private long headerEnd = -1;
        private bool objects;
        private bool rejected;
        private bool tooLong;

        public bool Append(ReadOnlySpan<byte> data)
        {
            if (this.bytes.WrittenCount + (long)data.Length > PickleScan.MaxStreamBytes)
            {
                this.tooLong = true;
                return false;
            }

            this.bytes.Write(data);
            var written = this.bytes.WrittenSpan;
            if (written.Length >= Magic.Length && !written[..Magic.Length].SequenceEqual(Magic))
            {
                this.rejected = true;
                return false;
            }

            if (this.headerEnd < 0 && written.Length >= 12)
            {
                int major = written[6];
                long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(written[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(written[8..]);
                this.headerEnd = (major == 1 ? 10 : 12) + length;
            }

            if (this.headerEnd >= 0 && written.Length >= this.headerEnd && !this.objects)
            {
                this.objects = IsObjectArray(this.Header());
                return this.objects;
            }

            return true;
        }

        public bool Claimed => !this.rejected && this.bytes.WrittenCount >= Magic.Length;

        public IEnumerable<Diagnostic> Complete()
        {
            if (this.rejected || this.bytes.WrittenCount < Magic.Length)
            {
                return [];
            }

            if (this.headerEnd < 0 || this.bytes.WrittenCount < this.headerEnd || this.bytes.WrittenSpan[6] is < 1 or > 3)
            {
                return [DiagnosticCatalog.PickleUnparsable.Create(subject.Path, "a .npy header that is truncated or of an unknown version", 0)];
            }

            if (!this.objects)
            {
                return [];
            }

            var findings = new List<Diagnostic> { DiagnosticCatalog.NumpyObjectArray.Create(subject.Path) };
            if (this.tooLong)
            {
                findings.Add(DiagnosticCatalog.PickleUnparsable.Create(subject.Path, $"the stream is longer than the {PickleScan.MaxStreamBytes >> 20} MiB the scan reads", this.headerEnd));
                return findings;
            }

            var disassembly = PickleDisassembler.Disassemble(this.bytes.WrittenSpan[(int)this.headerEnd..]);
            findings.AddRange(PickleScan.Judge(subject.Path, disassembly, reviewed).Select(f => f with { Message = $"{f.Message} (after the {this.headerEnd}-byte .npy header)" }));
            return findings;
        }

        private string Header() => Encoding.Latin1.GetString(this.bytes.WrittenSpan[(this.bytes.WrittenSpan[6] == 1 ? 10 : 12)..(int)this.headerEnd]);

        private static bool IsObjectArray(string header) =>
            Descr().Match(header) is { Success: true } m && ObjectField().IsMatch(m.Groups["descr"].Value);
    }
}
