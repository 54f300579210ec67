namespace ModelPackTools.Content.Onnx;

/// <summary>
/// The fields of onnx/onnx.proto the reader knows, by message: the ones that lead to a TensorProto are walked, the
/// tensor's name, external_data and data_location are kept, and the other known fields are skipped with their wire
/// type checked (a file that disagrees is not the ModelProto a loader would read). Repeated scalars (dims, ints,
/// float_data ...) may be packed or not, so any wire type is accepted for them; unknown fields are skipped, as
/// protobuf keeps them. Field numbers from onnx/onnx.proto (IR version 10/11).
/// </summary>
internal static class OnnxSchema
{
    public const int ModelIrVersion = 1;
    public const int ModelGraph = 7;
    public const int TensorName = 8;
    public const int TensorRawData = 9;
    public const int TensorDataLocation = 14;
    public const int EntryKey = 1;
    public const int EntryValue = 2;

    /// <summary>TensorProto.DataLocation.EXTERNAL.</summary>
    public const ulong External = 1;

    /// <summary>The name onnx.proto gives a message, for the reader's errors.</summary>
    public static string ProtoName(OnnxMessage message) => message switch
    {
        OnnxMessage.ExternalDataEntry => "StringStringEntryProto",
        _ => message + "Proto",
    };

    public static FieldRule Rule(OnnxMessage message, int field) => message switch
    {
        // ModelProto: ir_version 1, producer_name 2, producer_version 3, domain 4, model_version 5, doc_string 6,
        // graph 7, opset_import 8, metadata_props 14, training_info 20, functions 25, configuration 26.
        OnnxMessage.Model => field switch
        {
            ModelIrVersion => new FieldRule(FieldUse.KeepVarint, ProtobufWire.Varint),
            2 or 3 or 4 or 6 or 8 or 14 or 26 => FieldRule.Bytes,
            5 => FieldRule.Varint,
            ModelGraph => FieldRule.Walk(OnnxMessage.Graph),
            20 => FieldRule.Walk(OnnxMessage.TrainingInfo),
            25 => FieldRule.Walk(OnnxMessage.Function),
            _ => FieldRule.Any,
        },

        // GraphProto: node 1, name 2, initializer 5, doc_string 10, input 11, output 12, value_info 13,
        // quantization_annotation 14, sparse_initializer 15, metadata_props 16.
        OnnxMessage.Graph => field switch
        {
            1 => FieldRule.Walk(OnnxMessage.Node),
            5 => FieldRule.Walk(OnnxMessage.Tensor),
            15 => FieldRule.Walk(OnnxMessage.SparseTensor),
            2 or 10 or 11 or 12 or 13 or 14 or 16 => FieldRule.Bytes,
            _ => FieldRule.Any,
        },

        // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, doc_string 6, domain 7, overload 8,
        // metadata_props 9, device_configurations 10.
        OnnxMessage.Node => field switch
        {
            5 => FieldRule.Walk(OnnxMessage.Attribute),
            1 or 2 or 3 or 4 or 6 or 7 or 8 or 9 or 10 => FieldRule.Bytes,
            _ => FieldRule.Any,
        },

        // AttributeProto: name 1, f 2, i 3, s 4, t 5, g 6, floats 7, ints 8, strings 9, tensors 10, graphs 11,
        // doc_string 13, tp 14, type_protos 15, type 20, ref_attr_name 21, sparse_tensor 22, sparse_tensors 23.
        OnnxMessage.Attribute => field switch
        {
            5 or 10 => FieldRule.Walk(OnnxMessage.Tensor),
            6 or 11 => FieldRule.Walk(OnnxMessage.Graph),
            22 or 23 => FieldRule.Walk(OnnxMessage.SparseTensor),
            1 or 4 or 9 or 13 or 14 or 15 or 21 => FieldRule.Bytes,
            3 or 20 => FieldRule.Varint,
            2 => new FieldRule(FieldUse.SkipTyped, ProtobufWire.Fixed32),
            _ => FieldRule.Any,
        },

        // TensorProto: dims 1, data_type 2, segment 3, float_data 4, int32_data 5, string_data 6, int64_data 7,
        // name 8, raw_data 9, double_data 10, uint64_data 11, doc_string 12, external_data 13, data_location 14,
        // metadata_props 16.
        OnnxMessage.Tensor => field switch
        {
            TensorName => new FieldRule(FieldUse.Keep, ProtobufWire.LengthDelimited),
            13 => FieldRule.Walk(OnnxMessage.ExternalDataEntry),
            TensorDataLocation => new FieldRule(FieldUse.KeepVarint, ProtobufWire.Varint),
            2 => FieldRule.Varint,
            3 or 6 or TensorRawData or 12 or 16 => FieldRule.Bytes,
            _ => FieldRule.Any,
        },

        // SparseTensorProto: values 1, indices 2, dims 3.
        OnnxMessage.SparseTensor => field switch
        {
            1 or 2 => FieldRule.Walk(OnnxMessage.Tensor),
            _ => FieldRule.Any,
        },

        // TrainingInfoProto: initialization 1, algorithm 2, initialization_binding 3, update_binding 4.
        OnnxMessage.TrainingInfo => field switch
        {
            1 or 2 => FieldRule.Walk(OnnxMessage.Graph),
            3 or 4 => FieldRule.Bytes,
            _ => FieldRule.Any,
        },

        // FunctionProto: name 1, input 4, output 5, attribute 6, node 7, doc_string 8, opset_import 9, domain 10,
        // attribute_proto 11, value_info 12, overload 13, metadata_props 14.
        OnnxMessage.Function => field switch
        {
            7 => FieldRule.Walk(OnnxMessage.Node),
            11 => FieldRule.Walk(OnnxMessage.Attribute),
            1 or 4 or 5 or 6 or 8 or 9 or 10 or 12 or 13 or 14 => FieldRule.Bytes,
            _ => FieldRule.Any,
        },

        // StringStringEntryProto: key 1, value 2.
        OnnxMessage.ExternalDataEntry => field is EntryKey or EntryValue ? new FieldRule(FieldUse.Keep, ProtobufWire.LengthDelimited) : FieldRule.Any,
        _ => FieldRule.Any,
    };
}
