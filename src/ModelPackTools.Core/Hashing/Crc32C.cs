using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;

namespace ModelPackTools.Hashing;

/// <summary>
/// CRC-32C (Castagnoli: iSCSI, ext4, S3's CRC32C checksum), reflected polynomial 0x82F63B78. x86's SSE4.2 and
/// ARMv8's CRC extension compute exactly this CRC in one instruction per 8 bytes; elsewhere the shared
/// slicing-by-8 table runs. Stands in for System.IO.Hashing, which this machine's package source does not serve.
/// </summary>
public sealed class Crc32C
{
    private static readonly ReflectedCrc<uint> Engine = new(0x82F63B78u);
    private uint state = 0xFFFFFFFFu;

    internal static bool IsHardwareAccelerated => Sse42.IsSupported || ArmCrc32.IsSupported;

    public void Append(ReadOnlySpan<byte> data) => this.state = Update(this.state, data);

    public uint GetCurrentHashAsUInt32() => ~this.state;

    public void Reset() => this.state = 0xFFFFFFFFu;

    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    public static uint Combine(uint crcA, uint crcB, long lengthB) => Engine.Combine(crcA, crcB, lengthB);

    // The table path, kept callable so tests can hold the instruction path to it.
    internal static uint ComputeSoftware(ReadOnlySpan<byte> data) => ~Engine.Update(0xFFFFFFFFu, data);

    private static uint Update(uint crc, ReadOnlySpan<byte> data) =>
        IsHardwareAccelerated ? UpdateWithInstructions(crc, data) : Engine.Update(crc, data);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint UpdateWithInstructions(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong wide = crc;
            while (data.Length >= 8)
            {
                wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            crc = (uint)wide;
        }
        else if (ArmCrc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = ArmCrc32.Arm64.ComputeCrc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }
        }

        foreach (var b in data)
        {
            crc = Sse42.IsSupported ? Sse42.Crc32(crc, b) : ArmCrc32.ComputeCrc32C(crc, b);
        }

        return crc;
    }
}
