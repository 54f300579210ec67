using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.Onnx;

/// <summary>
/// The "onnx" content inspector: reads every ONNX model's protobuf with <see cref="OnnxModelReader"/> (tensor
/// payloads skipped) and judges its external data against the materialised /opt/ml/model in the aggregation step
/// (<see cref="OnnxExternalDataRule"/>). A file is an ONNX model when its name ends with `.onnx` (what onnxruntime,
/// Triton's onnxruntime backend and the SageMaker containers load): then anything short of a complete ModelProto with
/// ir_version and a graph is MPK4020. Under another name a file is claimed only when its bytes parse completely as
/// such a ModelProto (it starts with the ir_version field, as every ONNX writer emits it, with a plausible version):
/// a loader pointed at it by configuration reads its external data all the same, and a file that does not parse is
/// not one any loader reads as ONNX. A folder's file is read by random access, seeking over raw_data; an archive
/// member streams through the reader, which never buffers a payload.
/// </summary>
public sealed class OnnxInspector : IContentInspector, IContentAggregator
{
    // ModelProto field 1 (ir_version), varint: the first byte of every ONNX file onnx, PyTorch and tf2onnx write.
    private const byte IrVersionTag = 0x08;

    // IR versions run 1..11 today (onnx/onnx.proto, Version); an unnamed file claiming a far later one is not ONNX.
    private const long MaxPlausibleIrVersion = 64;

    private const int BufferSize = 1 << 16;

    public static OnnxInspector Instance { get; } = new();

    public string Name => "onnx";

    public IContentScan? Begin(ContentSubject subject)
    {
        var named = subject.Path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
        return named || subject.Size >= 4 ? new Scan(subject, named) : null;
    }

    // A path met twice (an archive's duplicate member) is collected twice, in reading order: the last is extracted.
    public IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation) =>
        aggregation.Of<OnnxExternalData>().GroupBy(m => m.Path, StringComparer.Ordinal).Select(g => g.Last())
            .SelectMany(m => OnnxExternalDataRule.Judge(m.Path, m.Value.Tensors, aggregation.Tree)).ToList();

    /// <summary>What the scan of one model keeps for the aggregation step: its tensors with external data.</summary>
    private sealed record OnnxExternalData(IReadOnlyList<OnnxExternalTensor> Tensors);

    private sealed class Scan(ContentSubject subject, bool named) : ICollectingScan
    {
        private readonly OnnxModelReader reader = new(subject.Size);
        private bool declined;

        // Every model is collected, without external data too, so that a later copy of a path replaces an earlier one.
        public object? Collected => this.IsModel ? new OnnxExternalData(this.reader.ExternalTensors) : null;

        // A .onnx file is judged whether or not it parses (MPK4020 when not); a file under another name only when it is a model.
        public bool Claimed => !this.declined && (this.IsModel || named);

        private bool IsModel => !this.declined && this.reader.Error is null && this.reader.IrVersion is not null && this.reader.HasGraph;

        public bool Append(ReadOnlySpan<byte> data)
        {
            if (subject.LocalPath is null)
            {
                return !this.declined && this.Feed(data);
            }

            // A folder's file is read in Complete, by random access, seeking over the payloads; its first bytes
            // already tell an unnamed file that is no model, so that one is never opened again.
            this.declined |= !named && this.reader.Position == 0 && data.Length > 0 && data[0] != IrVersionTag;
            return false;
        }

        public IEnumerable<Diagnostic> Complete()
        {
            if (subject.LocalPath is not null && !this.declined)
            {
                this.ReadFromDisk();
            }

            if (this.declined)
            {
                return [];
            }

            this.reader.Finish();
            if (this.IsModel || !named)
            {
                return [];
            }

            var reason = this.reader.Error ?? (this.reader.IrVersion is null ? "no ir_version (ModelProto field 1)" : "no graph (ModelProto field 7)");
            return [DiagnosticCatalog.OnnxUnparsable.Create(subject.Path, reason, this.reader.Error is null ? this.reader.Position : this.reader.ErrorAt)];
        }

        private bool Feed(ReadOnlySpan<byte> data)
        {
            if (!named && this.reader.Position == 0 && data.Length > 0 && data[0] != IrVersionTag)
            {
                this.declined = true; // not ONNX under another name: nothing to say
                return false;
            }

            var ok = this.reader.Feed(data);
            if (!named && (!ok || this.reader.IrVersion is < 1 or > MaxPlausibleIrVersion))
            {
                this.declined = true;
                return false;
            }

            return ok;
        }

        private void ReadFromDisk()
        {
            try
            {
                using var file = IO.RawPathFile.OpenRead(subject.LocalPath!, BufferSize, FileOptions.RandomAccess);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (!this.Feed(buffer.AsSpan(0, read)))
                    {
                        return;
                    }

                    // A payload (raw_data ...) goes on past this buffer: seek over it rather than read it. A file
                    // shorter than the skip is read instead, so that the reader sees where it ends.
                    var skip = this.reader.SkipRemaining;
                    if (skip > 0 && file.Position + skip <= file.Length)
                    {
                        file.Position += skip;
                        this.reader.Skipped(skip);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (named)
                {
                    throw ModelPackException.Because(e, DiagnosticCatalog.InputUnreadable, subject.LocalPath!, e.Message);
                }

                this.declined = true;
            }
        }
    }
}
