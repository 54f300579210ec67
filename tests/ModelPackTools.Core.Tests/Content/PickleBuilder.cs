using System.Buffers.Binary;
using System.Text;
using ModelPackTools.Content;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Core.Tests.Content;

/// <summary>
/// Writes pickle opcodes byte by byte (CPython Lib/pickletools.py names them), so a test spells out exactly the stream
/// a pickler would write, or an attacker would.
/// </summary>
internal sealed class PickleBuilder
{
    private readonly List<byte> bytes = [];

    public static PickleBuilder Proto(byte version) => new PickleBuilder().Op(0x80, version);

    /// <summary>Every shipped scanner over one file's bytes, fed as an archive member is (no local path).</summary>
    public static IReadOnlyList<Diagnostic> Scan(string name, byte[] data)
    {
        var inspection = new ContentInspection(ContentInspectors.All);
        var tap = inspection.Begin(name, data.Length);
        if (tap is null)
        {
            return [];
        }

        for (int at = 0; at < data.Length && tap.Wants; at += 1000)
        {
            tap.Append(data.AsSpan(at, Math.Min(1000, data.Length - at)));
        }

        tap.Complete();
        return inspection.Findings;
    }

    public PickleBuilder Op(params byte[] op)
    {
        this.bytes.AddRange(op);
        return this;
    }

    public PickleBuilder Raw(byte[] data) => this.Op(data);

    /// <summary>GLOBAL module\nname\n (protocols 0-3).</summary>
    public PickleBuilder Global(string module, string name) => this.Op([(byte)'c', .. Latin1($"{module}\n{name}\n")]);

    /// <summary>SHORT_BINUNICODE (protocol 4 and up).</summary>
    public PickleBuilder Text(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        return this.Op([0x8c, (byte)utf8.Length, .. utf8]);
    }

    /// <summary>BINUNICODE (protocols 1-3).</summary>
    public PickleBuilder Unicode(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
        return this.Op([(byte)'X', .. length, .. utf8]);
    }

    /// <summary>STACK_GLOBAL of two SHORT_BINUNICODE strings.</summary>
    public PickleBuilder StackGlobal(string module, string name) => this.Text(module).Text(name).Op(0x93);

    /// <summary>BINBYTES (protocol 3 and up).</summary>
    public PickleBuilder Bytes(byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, data.Length);
        return this.Op([(byte)'B', .. length, .. data]);
    }

    /// <summary>BININT1, BININT2 or BININT, as small as the value allows (how Lib/pickle.py save_long picks).</summary>
    public PickleBuilder Int(long value)
    {
        if (value is >= 0 and < 256)
        {
            return this.Op((byte)'K', (byte)value);
        }

        if (value is >= 0 and < 65536)
        {
            return this.Op((byte)'M', (byte)value, (byte)(value >> 8));
        }

        var four = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(four, (int)value);
        return this.Op([(byte)'J', .. four]);
    }

    public PickleBuilder Tuple1() => this.Op(0x85);

    public PickleBuilder Reduce() => this.Op((byte)'R');

    public PickleBuilder Build() => this.Op((byte)'b');

    public PickleBuilder Mark() => this.Op((byte)'(');

    public PickleBuilder EmptyTuple() => this.Op((byte)')');

    public PickleBuilder EmptyDict() => this.Op((byte)'}');

    public PickleBuilder SetItems() => this.Op((byte)'u');

    public PickleBuilder NewObj() => this.Op(0x81);

    public byte[] Stop() => [.. this.bytes, (byte)'.'];

    public byte[] ToArray() => [.. this.bytes];

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
