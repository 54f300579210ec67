using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Zip;

/// <summary>
/// The "zip" content inspector: a file that starts with a ZIP local header (PyTorch's `torch.save` format, `.keras`,
/// `.npz`) is read as PyTorch reads it, from the central directory, strictly (<see cref="ZipDirectory"/>,
/// <see cref="ZipMemberReader"/>), and its pickle members (`*.pkl`, what torch unpickles) are scanned with the pickle
/// policy, its `.onnx` members with the ONNX reader (<see cref="ZipOnnxMember"/>), the rest as <see cref="ZipContentScan"/> says. A folder's file is opened for random access and only the directory, the local headers and the pickles are
/// read; an archive member streams, so it is spilled to a temporary file first (its size is already bounded by the
/// archive limits).
/// </summary>
public sealed class ZipInspector(IReadOnlySet<string> reviewed) : IContentInspector
{
    public static ZipInspector Default { get; } = new(new HashSet<string>());

    public string Name => "zip";

    public ZipInspector Allowing(IEnumerable<string> imports) => new(new HashSet<string>(reviewed.Concat(imports), StringComparer.Ordinal));

    public IReadOnlySet<string> Reviewed => reviewed;

    public IContentScan? Begin(ContentSubject subject) => subject.Size < 22 ? null : new Scan(subject, reviewed);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The spill file is disposed (and deleted) by Complete, which every read path calls.")]
    private sealed class Scan(ContentSubject subject, IReadOnlySet<string> reviewed) : IContentScan
    {
        private readonly byte[] head = new byte[4];
        private int headLength;
        private bool? isZip;
        private FileStream? spill;

        public bool Append(ReadOnlySpan<byte> data)
        {
            if (this.isZip is null)
            {
                int take = Math.Min(4 - this.headLength, data.Length);
                data[..take].CopyTo(this.head.AsSpan(this.headLength));
                this.headLength += take;
                if (this.headLength < 4)
                {
                    this.SpillIfNeeded(data);
                    return true;
                }

                this.isZip = this.head is [(byte)'P', (byte)'K', 3, 4];
                if (this.isZip == false || subject.LocalPath is not null)
                {
                    return false;
                }

                this.spill = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                this.spill.Write(this.head, 0, this.headLength - take);
            }

            this.SpillIfNeeded(data);
            return true;
        }

        public bool Claimed => this.isZip == true;

        public IEnumerable<Diagnostic> Complete()
        {
            if (this.isZip != true)
            {
                this.spill?.Dispose();
                return [];
            }

            try
            {
                using Stream file = this.spill ?? IO.RawPathFile.OpenRead(subject.LocalPath!, 1 << 12, FileOptions.RandomAccess);
                return ZipContentScan.Judge(subject.Path, file, new Nesting.ContentNesting(reviewed));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [DiagnosticCatalog.ZipInvalid.Create(subject.Path, $"cannot be read: {e.Message}")];
            }
        }

        private void SpillIfNeeded(ReadOnlySpan<byte> data)
        {
            this.spill?.Write(data);
        }
    }
}
