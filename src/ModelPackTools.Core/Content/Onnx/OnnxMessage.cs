namespace ModelPackTools.Content.Onnx;

/// <summary>The ONNX messages the reader walks into: every one that can hold a TensorProto, and the tensor's parts.</summary>
internal enum OnnxMessage
{
    Model,
    Graph,
    Node,
    Attribute,
    Tensor,
    SparseTensor,
    TrainingInfo,
    Function,
    ExternalDataEntry,
}

/// <summary>What the reader does with one field of a message (<see cref="OnnxSchema"/>).</summary>
internal enum FieldUse
{
    /// <summary>An unknown field, or one whose wire type varies (repeated scalars, packed or not): skipped, any wire type.</summary>
    Skip,

    /// <summary>A known field of this wire type that the reader does not need: skipped, but a wrong wire type fails.</summary>
    SkipTyped,

    /// <summary>A nested message to walk (<see cref="FieldRule.Message"/>).</summary>
    Descend,

    /// <summary>A string the reader keeps (a tensor's name, an external-data key or value).</summary>
    Keep,

    /// <summary>A varint the reader keeps (ir_version, data_location).</summary>
    KeepVarint,
}

/// <summary>How one field is read: its use, the wire type it must have (when typed), the message it holds.</summary>
internal readonly record struct FieldRule(FieldUse Use, int WireType = 0, OnnxMessage Message = OnnxMessage.Model)
{
    public static FieldRule Any { get; } = new(FieldUse.Skip);

    public static FieldRule Bytes { get; } = new(FieldUse.SkipTyped, ProtobufWire.LengthDelimited);

    public static FieldRule Varint { get; } = new(FieldUse.SkipTyped, ProtobufWire.Varint);

    public static FieldRule Walk(OnnxMessage message) => new(FieldUse.Descend, ProtobufWire.LengthDelimited, message);
}
