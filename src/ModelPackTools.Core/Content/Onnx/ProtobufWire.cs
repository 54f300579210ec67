namespace ModelPackTools.Content.Onnx;

/// <summary>
/// Protocol buffers' wire types (protobuf.dev/programming-guides/encoding). Groups (3, 4) are deprecated and no ONNX
/// field uses them; 6 and 7 are not defined: the reader refuses all four.
/// </summary>
internal static class ProtobufWire
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int StartGroup = 3;
    public const int EndGroup = 4;
    public const int Fixed32 = 5;

    public static string Name(int wireType) => wireType switch
    {
        Varint => "varint",
        Fixed64 => "64-bit",
        LengthDelimited => "length-delimited",
        StartGroup or EndGroup => "group",
        Fixed32 => "32-bit",
        _ => $"undefined ({wireType})",
    };
}
