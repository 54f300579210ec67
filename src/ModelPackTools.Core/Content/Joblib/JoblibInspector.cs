using System.Buffers;
using ModelPackTools.Content.Nesting;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Joblib;

/// <summary>
/// The "joblib" content inspector: a file that starts with one of joblib's compressor prefixes
/// (<see cref="JoblibCompression"/>) and decompresses to a pickle is judged as that pickle (inline arrays and all).
/// A compressed file that is not a pickle (a .gz of text) is not reported; one the scan has no decoder for (xz, lzma,
/// lz4) is an error when its name says pickle or joblib, since the scan cannot see what loading it would do.
/// </summary>
public sealed class JoblibInspector(IReadOnlySet<string> reviewed) : IContentInspector
{
    // A pickle's name, anywhere in the file name: joblib.dump adds the compressor's extension after it ("model.pkl.xz").
    private static readonly string[] PickleNames = [".joblib", ".pkl", ".pickle", ".sav"];

    public static JoblibInspector Default { get; } = new(new HashSet<string>());

    public string Name => "joblib";

    public IReadOnlySet<string> Reviewed => reviewed;

    public JoblibInspector Allowing(IEnumerable<string> imports) => new(new HashSet<string>(reviewed.Concat(imports), StringComparer.Ordinal));

    public IContentScan? Begin(ContentSubject subject) => subject.Size < 6 ? null : new Scan(subject, reviewed);

    private sealed class Scan(ContentSubject subject, IReadOnlySet<string> reviewed) : IContentScan
    {
        private readonly ArrayBufferWriter<byte> bytes = new();
        private JoblibCompression.Kind kind = JoblibCompression.Kind.None;
        private bool decided;
        private bool tooLong;

        public bool Append(ReadOnlySpan<byte> data)
        {
            if (this.bytes.WrittenCount + (long)data.Length > ContentNesting.MaxBytes)
            {
                this.tooLong = true;
                return false;
            }

            this.bytes.Write(data);
            if (!this.decided && this.bytes.WrittenCount >= 6)
            {
                this.decided = true;
                this.kind = JoblibCompression.Detect(this.bytes.WrittenSpan);
            }

            return !this.decided || JoblibCompression.CanDecode(this.kind);
        }

        public bool Claimed { get; private set; }

        public IEnumerable<Diagnostic> Complete()
        {
            var findings = this.Judge();
            this.Claimed = findings is not null;
            return findings ?? [];
        }

        // Null when the file is not a joblib file this scan judged (not compressed, or compressed but not a pickle).
        private IEnumerable<Diagnostic>? Judge()
        {
            if (this.kind == JoblibCompression.Kind.None)
            {
                return null;
            }

            string name = this.kind.ToString().ToLowerInvariant();
            bool namedLikePickle = PickleNames.Any(e => subject.Path.Contains(e, StringComparison.OrdinalIgnoreCase));
            if (!JoblibCompression.CanDecode(this.kind))
            {
                return namedLikePickle
                    ? [DiagnosticCatalog.CompressedPickleUnreadable.Create(subject.Path, name)]
                    : null;
            }

            if (this.tooLong)
            {
                return namedLikePickle
                    ? [DiagnosticCatalog.NestingTooDeep.Create(subject.Path, $"the {name}-compressed stream", $"larger than the {ContentNesting.MaxBytes >> 20} MiB the scan holds")]
                    : null;
            }

            var (data, problem, overLimit) = JoblibCompression.Decode(this.kind, this.bytes.WrittenSpan.ToArray());
            if (data is null)
            {
                return !namedLikePickle ? null
                    : overLimit ? [DiagnosticCatalog.NestingTooDeep.Create(subject.Path, $"the {name}-compressed stream", problem)]
                    : [DiagnosticCatalog.PickleUnparsable.Create(subject.Path, $"the {name}-compressed stream {problem}", 0)];
            }

            // joblib writes protocol 2 and up; without a PROTO the decompressed bytes are some other compressed file.
            if (data is not [0x80, >= 2 and <= 5, ..] && !namedLikePickle)
            {
                return null;
            }

            return PickleStreams.Judge(subject.Path, data, new ContentNesting(reviewed).Deeper())
                .Select(f => f with { Message = $"{f.Message} (in the {name}-compressed joblib stream)" });
        }
    }
}
