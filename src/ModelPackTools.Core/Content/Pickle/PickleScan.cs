using System.Buffers;
using ModelPackTools.Content.Nesting;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Pickle;

/// <summary>
/// One file's pickle scan. A stream that starts with PROTO (0x80 and a protocol 0-5) is a pickle. Protocol 0 and 1
/// streams have no header, so a file that starts with another opcode a pickler writes first is a candidate: it is
/// judged as a pickle when it parses to its STOP, when it imports a known-dangerous name or calls anything it imported
/// before it breaks (a payload with trailing garbage: `torch.load` and `pickle.load` run a protocol 0 stream opcode by
/// opcode, so the call has happened by the time the garbage is read, whatever the import), or when its name says
/// pickle (.pkl, .pt, ...); anything else (a text file that happens to start with '(' or 'c') is not reported. The stream is kept in memory up to <see cref="MaxStreamBytes"/>; a longer pickle is
/// an error, never a pass.
/// </summary>
internal sealed class PickleScan(ContentSubject subject, IReadOnlySet<string> reviewed) : IContentScan
{
    /// <summary>The longest pickle stream the scan holds (a torch zip's data.pkl is kilobytes, a raw estimator pickle megabytes).</summary>
    public const int MaxStreamBytes = 256 << 20;

    // The opcodes CPython's picklers (Lib/pickle.py, Modules/_pickle.c) write first at protocols 0 and 1: MARK before
    // a tuple/list/dict/INST, GLOBAL, the empty containers, NONE, and the scalar literals.
    private const string UnframedFirstOpcodes = "(c}])NIFLSVKJMUTXGi";

    // Not .bin or .dat: raw tensor dumps use them too, and PyTorch writes those as zips or PROTO-framed pickles anyway.
    private static readonly string[] PickleExtensions = [".pkl", ".pickle", ".pt", ".pth", ".ckpt", ".joblib", ".sav"];

    private readonly ArrayBufferWriter<byte> buffer = new();
    private State state;
    private bool tooLong;

    private enum State
    {
        Undecided,
        Framed,
        Unframed,
        NotPickle,
    }

    public bool Append(ReadOnlySpan<byte> data)
    {
        if (this.state == State.NotPickle || this.tooLong)
        {
            return false;
        }

        if (this.buffer.WrittenCount + data.Length > MaxStreamBytes)
        {
            this.Decide(data);
            this.tooLong = this.state != State.NotPickle;
            return false;
        }

        this.buffer.Write(data);
        if (this.state == State.Undecided && this.buffer.WrittenCount >= 2)
        {
            this.Decide([]);
        }

        return this.state != State.NotPickle;
    }

    public bool Claimed { get; private set; }

    public IEnumerable<Diagnostic> Complete()
    {
        if (this.state == State.Undecided)
        {
            this.Decide([]);
        }

        if (this.state == State.NotPickle)
        {
            return [];
        }

        if (this.tooLong)
        {
            this.Claimed = this.state == State.Framed || this.NamedLikePickle();
            return this.Claimed
                ? [DiagnosticCatalog.PickleUnparsable.Create(subject.Path, $"the stream is longer than the {MaxStreamBytes >> 20} MiB the scan reads", MaxStreamBytes)]
                : [];
        }

        var disassembly = PickleDisassembler.Disassemble(this.buffer.WrittenSpan);
        bool isPickle = this.state == State.Framed || disassembly.Error is null || this.NamedLikePickle()
            || disassembly.Imports.Any(PickleImportPolicy.IsDangerous) || disassembly.Calls.Count > 0;
        this.Claimed = isPickle;
        return isPickle ? PickleStreams.Judge(subject.Path, this.buffer.WrittenSpan, new ContentNesting(reviewed)) : [];
    }

    /// <summary>The findings for one disassembled stream: each refused import once (at its first offset), then the parse error.</summary>
    internal static List<Diagnostic> Judge(string path, PickleDisassembly disassembly, IReadOnlySet<string> reviewed) =>
        Judge(path, disassembly, new ContentNesting(reviewed));

    /// <summary>
    /// The findings for one disassembled stream: each refused import once (at its first offset), BUILDs on globals,
    /// what the bytes given to loader calls hold (scanned one level deeper), then the parse error. A loader that
    /// unpickles its argument is accepted only where every call of it is given constant bytes, which are scanned.
    /// </summary>
    internal static List<Diagnostic> Judge(string path, PickleDisassembly disassembly, ContentNesting nesting)
    {
        var findings = new List<Diagnostic>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var scannedLoaders = disassembly.NestedLoads.GroupBy(l => l.Loader).Where(g => g.All(l => l.Payload is not null)).Select(g => g.Key).ToHashSet();
        foreach (var import in disassembly.Imports)
        {
            if (scannedLoaders.Contains(import) || PickleImportPolicy.IsAllowed(import, nesting.Reviewed) || !reported.Add(import.FullName))
            {
                continue;
            }

            findings.Add(PickleImportPolicy.IsDangerous(import)
                ? DiagnosticCatalog.PickleImportDangerous.Create(path, import.FullName, import.Offset, PickleImportPolicy.Danger(import))
                : DiagnosticCatalog.PickleImportNotAllowed.Create(path, import.FullName, import.Offset));
        }

        foreach (var build in disassembly.GlobalBuilds)
        {
            findings.Add(DiagnosticCatalog.PickleBuildOnGlobal.Create(path, build.FullName, build.Offset));
        }

        foreach (var load in disassembly.NestedLoads.Where(l => l.Payload is not null))
        {
            findings.AddRange(EmbeddedContent.Judge(path, load.Payload!, nesting.Deeper(), $"the bytes {load.Loader.FullName} unpickles at byte {load.Offset}"));
        }

        if (disassembly.Error is { } error)
        {
            findings.Add(DiagnosticCatalog.PickleUnparsable.Create(path, error, disassembly.ErrorOffset));
        }

        return findings;
    }

    private bool NamedLikePickle() =>
        PickleExtensions.Any(e => subject.Path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>From the first two bytes (held, or at the start of the next piece): PROTO 0-5, another first opcode, or no pickle.</summary>
    private void Decide(ReadOnlySpan<byte> next)
    {
        Span<byte> head = stackalloc byte[2];
        var held = this.buffer.WrittenSpan[..Math.Min(2, this.buffer.WrittenCount)];
        held.CopyTo(head);
        var count = held.Length + next[..Math.Min(2 - held.Length, next.Length)].Length;
        next[..(count - held.Length)].CopyTo(head[held.Length..]);
        if (count == 0)
        {
            this.state = State.NotPickle;
        }
        else if (head[0] == 0x80)
        {
            this.state = count < 2 || head[1] <= 5 ? State.Framed : State.NotPickle;
        }
        else
        {
            this.state = UnframedFirstOpcodes.Contains((char)head[0], StringComparison.Ordinal) ? State.Unframed : State.NotPickle;
        }

        if (this.state == State.NotPickle)
        {
            this.buffer.Clear();
        }
    }
}
