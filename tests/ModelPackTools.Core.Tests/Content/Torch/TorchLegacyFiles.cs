namespace ModelPackTools.Core.Tests.Content.Torch;

/// <summary>
/// torch.save's legacy format (torch/serialization.py `_legacy_save`, protocol 2) built byte by byte: the magic
/// number, the protocol version, sys info, the object pickle, the storage keys, then the raw storages.
/// </summary>
internal static class TorchLegacyFiles
{
    /// <summary>MAGIC_NUMBER 0x1950a86a20f9469cfc6c as LONG1 (10 little-endian bytes), then STOP.</summary>
    public static byte[] Magic => [0x80, 2, 0x8a, 10, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, (byte)'.'];

    /// <summary>PROTOCOL_VERSION 1001 as BININT2.</summary>
    public static byte[] ProtocolVersion => [0x80, 2, (byte)'M', 0xe9, 0x03, (byte)'.'];

    /// <summary>dict(protocol_version=1001, little_endian=True, type_sizes=dict(short=2, int=4, long=4)).</summary>
    public static byte[] SysInfo => PickleBuilder.Proto(2).EmptyDict().Mark()
        .Unicode("protocol_version").Int(1001).Unicode("little_endian").Op(0x88)
        .Unicode("type_sizes").EmptyDict().Mark().Unicode("short").Int(2).Unicode("int").Int(4).Unicode("long").Int(4).SetItems()
        .SetItems().Stop();

    /// <summary>
    /// An OrderedDict of one float tensor whose persistent id is ('storage', torch.FloatStorage, key, 'cpu', 2, None),
    /// as _legacy_save's persistent_id returns it; exactly the imports torch writes.
    /// </summary>
    public static byte[] StateDict(string key, string module = "torch._utils", string name = "_rebuild_tensor_v2") =>
        PickleBuilder.Proto(2).Global("collections", "OrderedDict").EmptyTuple().Reduce()
            .Unicode("weight").Global(module, name)
            .Mark().Mark().Unicode("storage").Global("torch", "FloatStorage").Unicode(key).Unicode("cpu").Int(2).Op((byte)'N').Op((byte)'t').Op((byte)'Q')
            .Int(0).Int(2).Tuple1().Int(1).Tuple1().Op(0x89).Global("collections", "OrderedDict").EmptyTuple().Reduce().Op((byte)'t').Reduce()
            .Op((byte)'s').Stop();

    /// <summary>The sorted storage keys as a list of str.</summary>
    public static byte[] Keys(params string[] keys)
    {
        var list = PickleBuilder.Proto(2).Op((byte)']').Mark();
        foreach (var key in keys)
        {
            list.Unicode(key);
        }

        return list.Op((byte)'e').Stop();
    }

    /// <summary>The whole file; each storage is its 8-byte element count and 2 float32s.</summary>
    public static byte[] File(byte[] objectPickle, byte[] keys, int storages = 1)
    {
        var raw = new List<byte>();
        for (int i = 0; i < storages; i++)
        {
            raw.AddRange([2, 0, 0, 0, 0, 0, 0, 0]);
            raw.AddRange(new byte[8]);
        }

        return [.. Magic, .. ProtocolVersion, .. SysInfo, .. objectPickle, .. keys, .. raw];
    }
}
