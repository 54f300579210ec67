using ModelPackTools.Content.Nesting;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Torch;

/// <summary>
/// The "torch-tar" content inspector: a file whose first block is a tar header (the ustar magic at 257, or a v7
/// header whose checksum holds: Python's tarfile opens both, and torch.load tries a tar first) and that holds
/// torch's legacy members is judged by <see cref="TorchLegacyTar"/>. Like the zip inspector, a folder's file is read
/// at random (headers, pickles and raw-data sizes only); an archive member streams, so it is spilled to a temporary
/// file first (its size is already bounded by the archive limits).
/// </summary>
public sealed class TorchTarInspector(IReadOnlySet<string> reviewed) : IContentInspector
{
    public static TorchTarInspector Default { get; } = new(new HashSet<string>());

    public string Name => "torch-tar";

    public IReadOnlySet<string> Reviewed => reviewed;

    public TorchTarInspector Allowing(IEnumerable<string> imports) => new(new HashSet<string>(reviewed.Concat(imports), StringComparer.Ordinal));

    public IContentScan? Begin(ContentSubject subject) => subject.Size < UstarHeaders.Block ? null : new Scan(subject, reviewed);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The spill file is disposed (and deleted) by Complete, which every read path calls.")]
    private sealed class Scan(ContentSubject subject, IReadOnlySet<string> reviewed) : IContentScan
    {
        private readonly byte[] head = new byte[UstarHeaders.Block];
        private int headLength;
        private bool? isTar;
        private FileStream? spill;

        public bool Claimed { get; private set; }

        public bool Append(ReadOnlySpan<byte> data)
        {
            if (this.isTar is null)
            {
                int take = Math.Min(this.head.Length - this.headLength, data.Length);
                data[..take].CopyTo(this.head.AsSpan(this.headLength));
                this.headLength += take;
                if (this.headLength < this.head.Length)
                {
                    return true;
                }

                this.isTar = UstarHeaders.IsTarHeader(this.head);
                if (this.isTar == false || subject.LocalPath is not null)
                {
                    return false;
                }

                this.spill = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                this.spill.Write(this.head);
                data = data[take..];
            }

            this.spill?.Write(data);
            return true;
        }

        public IEnumerable<Diagnostic> Complete()
        {
            if (this.isTar != true)
            {
                this.spill?.Dispose();
                return [];
            }

            try
            {
                using Stream file = this.spill ?? IO.RawPathFile.OpenRead(subject.LocalPath!, 1 << 12, FileOptions.RandomAccess);
                var findings = TorchLegacyTar.Judge(subject.Path, file, new ContentNesting(reviewed));
                this.Claimed = findings is not null;
                return findings ?? [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                this.Claimed = true;
                return [DiagnosticCatalog.PickleUnparsable.Create(subject.Path, $"a tar that cannot be read: {e.Message}", 0)];
            }
        }
    }
}
