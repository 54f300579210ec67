namespace ModelPackTools.Hashing;

/// <summary>
/// CRC-64/NVME, S3's CRC64NVME checksum (and its default for new uploads): reflected polynomial
/// 0x9A6C9329AC4BC9B5 (0xAD93D23594C93659 unreflected), initial value and final XOR all ones.
/// Stands in for System.IO.Hashing.Crc64 with the NVMe polynomial, which this machine's package source does not serve.
/// </summary>
public sealed class Crc64Nvme
{
    private static readonly ReflectedCrc<ulong> Engine = new(0x9A6C9329AC4BC9B5ul);
    private ulong state = ulong.MaxValue;

    public void Append(ReadOnlySpan<byte> data) => this.state = Engine.Update(this.state, data);

    public ulong GetCurrentHashAsUInt64() => ~this.state;

    public void Reset() => this.state = ulong.MaxValue;

    public static ulong Compute(ReadOnlySpan<byte> data) => ~Engine.Update(ulong.MaxValue, data);

    /// <summary>
    /// The CRC of A followed by B from CRC(A), CRC(B) and B's length. S3 reports CRC64NVME over the whole object
    /// even for multipart uploads, so parts hashed in parallel are folded together with this.
    /// </summary>
    public static ulong Combine(ulong crcA, ulong crcB, long lengthB) => Engine.Combine(crcA, crcB, lengthB);
}
