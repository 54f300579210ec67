using System.Text;

namespace ModelPackTools.Tests.Shared;

/// <summary>
/// Protocol-buffer messages written field by field (protobuf.dev/programming-guides/encoding), so tests build ONNX
/// models byte by byte, hostile ones included (wrong wire types, lengths past the end), without an onnx package.
/// </summary>
internal sealed class Protobuf
{
    private readonly MemoryStream bytes = new();

    public Protobuf Varint(int field, ulong value) => this.Tag(field, 0).RawVarint(value);

    public Protobuf Bytes(int field, byte[] value) => this.Tag(field, 2).RawVarint((ulong)value.Length).Raw(value);

    public Protobuf String(int field, string value) => this.Bytes(field, Encoding.UTF8.GetBytes(value));

    public Protobuf Message(int field, Protobuf message) => this.Bytes(field, message.ToArray());

    /// <summary>A length-delimited field's header only: the payload is written (or not) by the caller.</summary>
    public Protobuf LengthPrefix(int field, ulong length) => this.Tag(field, 2).RawVarint(length);

    public Protobuf Tag(int field, int wireType) => this.RawVarint(((ulong)field << 3) | (uint)wireType);

    public Protobuf RawVarint(ulong value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            this.bytes.WriteByte(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return this;
    }

    public Protobuf Raw(params byte[] raw)
    {
        this.bytes.Write(raw);
        return this;
    }

    public byte[] ToArray() => this.bytes.ToArray();
}

/// <summary>
/// Minimal ONNX models (onnx/onnx.proto field numbers): ir_version 8, opset "" 13, one graph whose Identity node maps
/// float[1] input "x" to output "y"; tensors inline or with external data, placed where ONNX allows them.
/// </summary>
internal static class OnnxModels
{
    /// <summary>The smallest model onnxruntime loads: what the template ships as classifier/1/model.onnx.</summary>
    public static byte[] Identity() => Model(Graph()).ToArray();

    /// <summary>ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8 (field order, as onnx writes it).</summary>
    public static Protobuf Model(Protobuf graph, params (int Field, Protobuf Message)[] extra)
    {
        var model = new Protobuf().Varint(1, 8).String(2, "modelpack").Message(7, graph)
            .Message(8, new Protobuf().String(1, string.Empty).Varint(2, 13));
        foreach (var (field, message) in extra)
        {
            model.Message(field, message);
        }

        return model;
    }

    /// <summary>GraphProto: node 1, name 2, initializer 5, input 11, output 12; more nodes and initializers as given.</summary>
    public static Protobuf Graph(IEnumerable<Protobuf>? initializers = null, IEnumerable<Protobuf>? nodes = null)
    {
        var graph = new Protobuf().Message(1, new Protobuf().String(1, "x").String(2, "y").String(3, "identity").String(4, "Identity"));
        foreach (var node in nodes ?? [])
        {
            graph.Message(1, node);
        }

        graph.String(2, "main");
        foreach (var tensor in initializers ?? [])
        {
            graph.Message(5, tensor);
        }

        return graph.Message(11, FloatValue("x")).Message(12, FloatValue("y"));
    }

    /// <summary>TensorProto: dims 1, data_type 2 (FLOAT), name 8, raw_data 9.</summary>
    public static Protobuf InlineTensor(string name, int floats) =>
        new Protobuf().Varint(1, (ulong)floats).Varint(2, 1).String(8, name).Bytes(9, new byte[floats * 4]);

    /// <summary>TensorProto with external_data 13 (location, offset, length entries as given) and data_location 14 = EXTERNAL.</summary>
    public static Protobuf ExternalTensor(string name, string location, string? offset = null, string? length = null)
    {
        var tensor = new Protobuf().Varint(1, 4).Varint(2, 1).String(8, name).Message(13, Entry("location", location));
        if (offset is not null)
        {
            tensor.Message(13, Entry("offset", offset));
        }

        if (length is not null)
        {
            tensor.Message(13, Entry("length", length));
        }

        return tensor.Varint(14, 1);
    }

    /// <summary>A node (NodeProto: op_type 4, attribute 5) whose attribute (AttributeProto: name 1, field, type 20) holds a tensor or graph.</summary>
    public static Protobuf NodeWithAttribute(string opType, int attributeField, Protobuf value, int attributeType) =>
        new Protobuf().String(2, "c").String(4, opType)
            .Message(5, new Protobuf().String(1, "value").Message(attributeField, value).Varint(20, (ulong)attributeType));

    private static Protobuf Entry(string key, string value) => new Protobuf().String(1, key).String(2, value);

    // ValueInfoProto { name 1, type 2: TypeProto { tensor_type 1: { elem_type 1 = FLOAT, shape 2: { dim 1: { dim_value 1 = 1 } } } } }
    private static Protobuf FloatValue(string name) =>
        new Protobuf().String(1, name).Message(2, new Protobuf().Message(1, new Protobuf().Varint(1, 1)
            .Message(2, new Protobuf().Message(1, new Protobuf().Varint(1, 1)))));
}
