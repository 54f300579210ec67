namespace ModelPackTools.Hashing;

/// <summary>
/// CRC-32 (ISO-HDLC: gzip, zip, S3's CRC32 checksum), reflected polynomial 0xEDB88320, slicing-by-8.
/// Stands in for System.IO.Hashing.Crc32, which this machine's package source does not serve.
/// </summary>
public sealed class Crc32
{
    private static readonly ReflectedCrc<uint> Engine = new(0xEDB88320u);
    private uint state = 0xFFFFFFFFu;

    public void Append(ReadOnlySpan<byte> data) => this.state = Engine.Update(this.state, data);

    public uint GetCurrentHashAsUInt32() => ~this.state;

    public void Reset() => this.state = 0xFFFFFFFFu;

    public static uint Compute(ReadOnlySpan<byte> data) => ~Engine.Update(0xFFFFFFFFu, data);

    /// <summary>
    /// The CRC of A followed by B from CRC(A), CRC(B) and B's length, without the bytes (zlib's crc32_combine).
    /// Lets parallel compressors checksum blocks independently and still write one gzip trailer.
    /// </summary>
    public static uint Combine(uint crcA, uint crcB, long lengthB) => Engine.Combine(crcA, crcB, lengthB);
}
