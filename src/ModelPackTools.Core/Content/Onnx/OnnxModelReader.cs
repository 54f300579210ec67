using System.Text;

namespace ModelPackTools.Content.Onnx;

/// <summary>
/// A strict, push-mode reader of an ONNX ModelProto's protobuf encoding (protobuf.dev/programming-guides/encoding):
/// it is fed the file's bytes in pieces of any size and walks every message that can hold a TensorProto (graphs,
/// nodes, attributes, subgraphs, sparse tensors, training graphs, functions; <see cref="OnnxSchema"/>), keeping each
/// tensor's name, external_data and data_location. Payloads (raw_data, float_data, ...) are skipped, never buffered:
/// a reader with random access seeks over <see cref="SkipRemaining"/> instead of feeding it.
/// <para>
/// It fails closed, where a lenient reader would stop early and call the rest clean: a varint longer than 10 bytes
/// or past 64 bits, field number 0, group or undefined wire types, a known field with the wrong wire type, a length
/// or a fixed-size value past the end of its enclosing message or of the file, nesting deeper than protobuf's
/// default recursion limit (100), and a file that ends inside a field or a message (<see cref="Error"/>).
/// </para>
/// </summary>
internal sealed class OnnxModelReader
{
    /// <summary>protobuf's default recursion limit (io/coded_stream.h, kDefaultRecursionLimit).</summary>
    public const int MaxDepth = 100;

    /// <summary>An external-data key or value longer than PATH_MAX is not a path a loader opens.</summary>
    public const int MaxEntryString = 4096;

    /// <summary>Enough for any real model (a 405B-parameter export has a few thousand); more is refused, not kept.</summary>
    public const int MaxExternalTensors = 1_000_000;

    private const int MaxTensorName = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<OnnxReaderFrame> frames = [];
    private readonly List<OnnxExternalTensor> external = [];
    private State state = State.Tag;
    private ulong varint;
    private int varintBytes;
    private int field;
    private FieldRule rule;
    private long remaining;
    private byte[] kept = [];
    private int keptLength;

    /// <param name="size">The file's size: no field may run past it (negative when unknown).</param>
    public OnnxModelReader(long size)
    {
        this.frames.Add(new OnnxReaderFrame(OnnxMessage.Model, size < 0 ? long.MaxValue : size));
    }

    private enum State
    {
        Tag,
        VarintValue,
        Length,
        Skip,
        Kept,
    }

    /// <summary>Bytes read so far (or skipped).</summary>
    public long Position { get; private set; }

    /// <summary>Why the bytes are not a complete ModelProto, or null while they are one so far.</summary>
    public string? Error { get; private set; }

    /// <summary>Where the reader was when it failed.</summary>
    public long ErrorAt { get; private set; }

    /// <summary>ModelProto.ir_version (field 1), null when absent.</summary>
    public long? IrVersion { get; private set; }

    /// <summary>Whether ModelProto.graph (field 7) was present.</summary>
    public bool HasGraph { get; private set; }

    /// <summary>The tensors with external_data entries or data_location EXTERNAL, in file order.</summary>
    public IReadOnlyList<OnnxExternalTensor> ExternalTensors => this.external;

    /// <summary>Payload bytes the reader is skipping next: a caller with random access may seek over them (<see cref="Skipped"/>).</summary>
    public long SkipRemaining => this.state == State.Skip ? this.remaining : 0;

    private OnnxReaderFrame Top => this.frames[^1];

    /// <summary>The caller moved past <paramref name="count"/> bytes of <see cref="SkipRemaining"/> without feeding them.</summary>
    public void Skipped(long count)
    {
        if (count < 0 || count > this.SkipRemaining)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        this.remaining -= count;
        this.Position += count;
        if (this.remaining == 0)
        {
            this.FieldDone();
        }
    }

    /// <summary>The next bytes; false once the reader failed (it wants no more).</summary>
    public bool Feed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && this.Error is null)
        {
            switch (this.state)
            {
                case State.Tag or State.VarintValue or State.Length:
                    data = this.ReadVarint(data);
                    break;
                case State.Skip:
                    var skip = (int)Math.Min(this.remaining, data.Length);
                    data = data[skip..];
                    this.Skipped(skip);
                    break;
                default:
                    var copy = Math.Min(this.kept.Length - this.keptLength, data.Length);
                    data[..copy].CopyTo(this.kept.AsSpan(this.keptLength));
                    data = data[copy..];
                    this.keptLength += copy;
                    this.Position += copy;
                    if (this.keptLength == this.kept.Length)
                    {
                        this.KeepString();
                    }

                    break;
            }
        }

        return this.Error is null;
    }

    /// <summary>After the last byte: a file that ends inside a field or a message fails.</summary>
    public void Finish()
    {
        if (this.Error is not null)
        {
            return;
        }

        if (this.state != State.Tag || this.varintBytes > 0)
        {
            this.Fail("the file ends inside a field");
        }
        else if (this.frames.Count > 1)
        {
            this.Fail($"the file ends inside a {OnnxSchema.ProtoName(this.Top.Message)}");
        }
        else if (this.Top.End != long.MaxValue && this.Position < this.Top.End)
        {
            this.Fail($"the file ends after {this.Position} of its {this.Top.End} bytes");
        }
    }

    private ReadOnlySpan<byte> ReadVarint(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            if (this.Position >= this.Top.End)
            {
                this.Fail(this.frames.Count == 1 ? "a field runs past the end of the file" : $"a field runs past the end of its {OnnxSchema.ProtoName(this.Top.Message)}");
                return [];
            }

            var b = data[i++];
            this.Position++;
            if (this.varintBytes == 9 && b > 1)
            {
                this.Fail("a varint overflows 64 bits");
                return [];
            }

            this.varint |= (ulong)(b & 0x7F) << (7 * this.varintBytes);
            this.varintBytes++;
            if (b < 0x80)
            {
                var value = this.varint;
                this.varint = 0;
                this.varintBytes = 0;
                this.VarintDone(value);
                return data[i..];
            }
        }

        return [];
    }

    private void VarintDone(ulong value)
    {
        switch (this.state)
        {
            case State.Tag:
                this.TagDone(value);
                break;
            case State.VarintValue:
                this.KeepVarint(value);
                this.FieldDone();
                break;
            default:
                this.LengthDone(value);
                break;
        }
    }

    private void TagDone(ulong tag)
    {
        if (tag > uint.MaxValue || (tag >> 3) == 0)
        {
            this.Fail($"field number {tag >> 3} is not a valid field number");
            return;
        }

        this.field = (int)(tag >> 3);
        var wire = (int)(tag & 7);
        if (wire is not (ProtobufWire.Varint or ProtobufWire.Fixed64 or ProtobufWire.LengthDelimited or ProtobufWire.Fixed32))
        {
            this.Fail($"field {this.field} of a {OnnxSchema.ProtoName(this.Top.Message)} has the {ProtobufWire.Name(wire)} wire type, which no ONNX field has");
            return;
        }

        this.rule = OnnxSchema.Rule(this.Top.Message, this.field);
        if (this.rule.Use != FieldUse.Skip && wire != this.rule.WireType)
        {
            this.Fail($"field {this.field} of a {OnnxSchema.ProtoName(this.Top.Message)} has the {ProtobufWire.Name(wire)} wire type, not {ProtobufWire.Name(this.rule.WireType)}");
            return;
        }

        switch (wire)
        {
            case ProtobufWire.Varint:
                this.state = State.VarintValue;
                break;
            case ProtobufWire.LengthDelimited:
                this.state = State.Length;
                break;
            default:
                this.BeginSkip(wire == ProtobufWire.Fixed64 ? 8 : 4);
                break;
        }
    }

    private void LengthDone(ulong length)
    {
        var room = this.Top.End - this.Position;
        if (length > (ulong)room)
        {
            this.Fail(this.frames.Count == 1
                ? $"field {this.field} of a {OnnxSchema.ProtoName(this.Top.Message)} is {length} bytes long, past the end of the file"
                : $"field {this.field} of a {OnnxSchema.ProtoName(this.Top.Message)} is {length} bytes long, past the end of its {OnnxSchema.ProtoName(this.Top.Message)}");
            return;
        }

        var size = (long)length;
        switch (this.rule.Use)
        {
            case FieldUse.Descend:
                if (this.frames.Count >= MaxDepth)
                {
                    this.Fail($"messages nest deeper than {MaxDepth} levels");
                    return;
                }

                if (this.Top.Message == OnnxMessage.Model && this.field == OnnxSchema.ModelGraph)
                {
                    this.HasGraph = true;
                }

                this.frames.Add(new OnnxReaderFrame(this.rule.Message, this.Position + size));
                this.FieldDone();
                break;
            case FieldUse.Keep when this.Top.Message == OnnxMessage.ExternalDataEntry && size > MaxEntryString:
                this.Fail($"an external_data {(this.field == OnnxSchema.EntryKey ? "key" : "value")} of {size} bytes, longer than {MaxEntryString}");
                break;
            case FieldUse.Keep when size <= MaxTensorName || this.Top.Message == OnnxMessage.ExternalDataEntry:
                this.kept = new byte[size];
                this.keptLength = 0;
                this.state = State.Kept;
                if (size == 0)
                {
                    this.KeepString();
                }

                break;
            default:
                this.BeginSkip(size); // a payload, or a tensor name too long to be worth keeping
                break;
        }
    }

    private void BeginSkip(long count)
    {
        if (count > this.Top.End - this.Position)
        {
            this.Fail($"field {this.field} of a {OnnxSchema.ProtoName(this.Top.Message)} runs past the end of its {(this.frames.Count == 1 ? "file" : OnnxSchema.ProtoName(this.Top.Message))}");
            return;
        }

        this.state = State.Skip;
        this.remaining = count;
        if (count == 0)
        {
            this.FieldDone();
        }
    }

    private void KeepVarint(ulong value)
    {
        if (this.rule.Use != FieldUse.KeepVarint)
        {
            return;
        }

        if (this.Top.Message == OnnxMessage.Model)
        {
            this.IrVersion = (long)value;
        }
        else
        {
            this.Top.DataLocation = value;
        }
    }

    private void KeepString()
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(this.kept);
        }
        catch (DecoderFallbackException)
        {
            if (this.Top.Message == OnnxMessage.ExternalDataEntry)
            {
                this.Fail("an external_data string is not UTF-8");
                return;
            }

            text = Encoding.UTF8.GetString(this.kept); // a tensor name, for the message only
        }

        if (this.Top.Message == OnnxMessage.Tensor)
        {
            this.Top.Name = text;
        }
        else if (this.field == OnnxSchema.EntryKey)
        {
            this.Top.Key = text; // a repeated singular field: the last one wins, as protobuf parses it
        }
        else
        {
            this.Top.Value = text;
        }

        this.kept = [];
        this.FieldDone();
    }

    private void FieldDone()
    {
        if (this.Error is not null)
        {
            return;
        }

        this.state = State.Tag;
        while (this.Error is null && this.frames.Count > 1 && this.Position == this.Top.End)
        {
            var done = this.Top;
            this.frames.RemoveAt(this.frames.Count - 1);
            this.Close(done);
        }
    }

    private void Close(OnnxReaderFrame done)
    {
        if (done.Message == OnnxMessage.ExternalDataEntry)
        {
            this.Top.Entries.Add(new KeyValuePair<string, string>(done.Key ?? string.Empty, done.Value ?? string.Empty));
            return;
        }

        // Entries without data_location EXTERNAL are judged too: protobuf merges a message field met twice, so
        // entries in one occurrence and EXTERNAL in another make one external tensor for the loader.
        if (done.Message == OnnxMessage.Tensor && (done.Entries.Count > 0 || done.DataLocation == OnnxSchema.External))
        {
            if (this.external.Count >= MaxExternalTensors)
            {
                this.Fail($"more than {MaxExternalTensors} tensors with external data");
                return;
            }

            this.external.Add(new OnnxExternalTensor(done.Name ?? string.Empty, done.DataLocation == OnnxSchema.External, done.Entries));
        }
    }

    private void Fail(string reason)
    {
        if (this.Error is null)
        {
            this.Error = reason;
            this.ErrorAt = this.Position;
        }
    }
}
