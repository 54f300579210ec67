using System.Buffers;
using System.Buffers.Binary;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Safetensors;

/// <summary>
/// The "safetensors" content inspector. A file is a safetensors file when its first 8 bytes are a little-endian
/// header length that fits the file and the header starts with '{' (content), or when its name ends with
/// `.safetensors` (then anything else is an error). The scan reads the header only, never the tensor payload.
/// </summary>
public sealed class SafetensorsInspector : IContentInspector
{
    public static SafetensorsInspector Instance { get; } = new();

    public string Name => "safetensors";

    public IContentScan? Begin(ContentSubject subject) => subject.Size == 0 ? null : new Scan(subject);

    private sealed class Scan(ContentSubject subject) : IContentScan
    {
        private readonly ArrayBufferWriter<byte> header = new();
        private readonly bool named = subject.Path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);
        private long needed = 9;
        private bool isSafetensors;
        private bool rejected;

        public bool Append(ReadOnlySpan<byte> data)
        {
            var take = (int)Math.Min(data.Length, this.needed - this.header.WrittenCount);
            this.header.Write(data[..take]);
            if (this.header.WrittenCount < this.needed)
            {
                return true;
            }

            if (!this.isSafetensors)
            {
                var bytes = this.header.WrittenSpan;
                ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                bool looksLikeOne = bytes[8] == (byte)'{' && length >= 2 && length <= SafetensorsHeaderValidator.MaxHeaderLength && (long)length <= subject.Size - 8;
                this.isSafetensors = looksLikeOne || this.named;
                this.rejected = !this.isSafetensors;
                if (looksLikeOne)
                {
                    this.needed = 8 + (long)length;
                    return this.Append(data[take..]);
                }
            }

            return false;
        }

        public bool Claimed => !this.rejected && (this.isSafetensors || this.named);

        public IEnumerable<Diagnostic> Complete()
        {
            if (this.rejected || (!this.isSafetensors && !this.named))
            {
                return [];
            }

            return SafetensorsHeaderValidator.Validate(this.header.WrittenSpan, subject.Size)
                .Select(problem => DiagnosticCatalog.SafetensorsInvalid.Create(subject.Path, problem));
        }
    }
}
