using System.Buffers.Binary;
using System.Text;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>Model files built byte by byte for the content scanners' tests: malicious and benign pickles, safetensors.</summary>
internal static class ModelFiles
{
    /// <summary>Protocol 0: GLOBAL os.system, called with 'id' through REDUCE.</summary>
    public static byte[] OsSystemGlobal => Latin1("cos\nsystem\n(S'id'\ntR.");

    /// <summary>
    /// What torch.save writes into data.pkl for an OrderedDict of one float tensor (protocol 2, BINPERSID for the
    /// storage): exactly collections.OrderedDict, torch._utils._rebuild_tensor_v2 and torch.FloatStorage.
    /// (Strings are split after \xNN escapes: C# would read a following hex letter into the escape.)
    /// </summary>
    public static byte[] TorchStateDict => Latin1(
        "\x80\x02" + "ccollections\nOrderedDict\nq\x00)Rq\x01X\x01\x00\x00\x00wctorch._utils\n_rebuild_tensor_v2\n"
        + "((X\x07\x00\x00\x00storagectorch\nFloatStorage\nX\x01\x00\x00\x00" + "0K\x02tQK\x00K\x02\x85K\x01\x85\x89"
        + "ccollections\nOrderedDict\n)RtRs.");

    /// <summary>Protocol 4: STACK_GLOBAL of a module and name that are no model's business (argparse.Namespace).</summary>
    public static byte[] StackGlobal(string module, string name)
    {
        var bytes = new List<byte> { 0x80, 4 };
        bytes.AddRange(ShortUnicode(module));
        bytes.AddRange(ShortUnicode(name));
        bytes.AddRange([0x93, (byte)')', 0x81, (byte)'.']); // STACK_GLOBAL, EMPTY_TUPLE, NEWOBJ, STOP
        return [.. bytes];
    }

    public static byte[] Safetensors(string header, int dataLength)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        byte[] file = new byte[8 + json.Length + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        return file;
    }

    /// <summary>A version 1.0 .npy file (numpy/lib/format.py): magic, version, header length, the dict literal padded with spaces and '\n', then the data.</summary>
    public static byte[] Npy(string descr, byte[] data)
    {
        string header = $"{{'descr': {descr}, 'fortran_order': False, 'shape': (2,), }}";
        header = header.PadRight(((header.Length + 11 + 63) / 64 * 64) - 11) + "\n";
        byte[] file = [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. Latin1(header), .. data];
        return file;
    }

    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] ShortUnicode(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        return [0x8c, (byte)utf8.Length, .. utf8];
    }
}
