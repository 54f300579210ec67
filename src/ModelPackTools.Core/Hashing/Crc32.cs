namespace ModelPackTools.Hashing;

/// <summary>
/// CRC-32 (ISO-HDLC: gzip's trailer) for the gzip reader and writer under Archives/, which still call it by this
/// name: a thin forward to System.IO.Hashing and <see cref="CrcCombine"/>. Delete it once Archives/ calls those directly.
/// </summary>
public sealed class Crc32
{
    private readonly System.IO.Hashing.Crc32 crc = new();

    public void Append(ReadOnlySpan<byte> data) => this.crc.Append(data);

    public uint GetCurrentHashAsUInt32() => this.crc.GetCurrentHashAsUInt32();

    public void Reset() => this.crc.Reset();

    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    public static uint Combine(uint crcA, uint crcB, long lengthB) => CrcCombine.Crc32(crcA, crcB, lengthB);
}
