using System.IO.Hashing;
using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

// One face for the three CRCs so each behaviour is written once and run against all of them. The CRCs come from
// System.IO.Hashing with the parameter sets the engine uses; the combine under test is the engine's own.
internal sealed record CrcAlgorithm(
    string Name,
    DigestKinds Kind,
    Func<byte[], ulong> Compute,
    Func<ulong, ulong, long, ulong> Combine,
    Func<byte[], ulong> Reference)
{
    public static readonly CrcAlgorithm Crc32 = new(
        "CRC-32",
        DigestKinds.Crc32,
        data => System.IO.Hashing.Crc32.HashToUInt32(data),
        (a, b, length) => CrcCombine.Crc32((uint)a, (uint)b, length),
        data => BitwiseReflected(data, 0xEDB88320u, 32));

    public static readonly CrcAlgorithm Crc32C = new(
        "CRC-32C",
        DigestKinds.Crc32C,
        data => System.IO.Hashing.Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data),
        (a, b, length) => CrcCombine.Crc32C((uint)a, (uint)b, length),
        data => BitwiseReflected(data, 0x82F63B78u, 32));

    public static readonly CrcAlgorithm Crc64Nvme = new(
        "CRC-64/NVME",
        DigestKinds.Crc64Nvme,
        data => Crc64.HashToUInt64(Crc64ParameterSet.Nvme, data),
        CrcCombine.Crc64Nvme,
        data => BitwiseReflected(data, 0x9A6C9329AC4BC9B5ul, 64));

    public static TheoryData<string> Names => new() { "CRC-32", "CRC-32C", "CRC-64/NVME" };

    public static CrcAlgorithm Named(string name) => name switch
    {
        "CRC-32" => Crc32,
        "CRC-32C" => Crc32C,
        "CRC-64/NVME" => Crc64Nvme,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // What the engine's own hasher (the one the fingerprinter feeds) reports for this CRC.
    public ulong ViaHasher(IEnumerable<byte[]> pieces)
    {
        var hasher = new MultiHasher(this.Kind);
        foreach (var piece in pieces)
        {
            hasher.Append(piece);
        }

        var digests = hasher.Finish();
        return this.Kind switch
        {
            DigestKinds.Crc32 => digests.Crc32,
            DigestKinds.Crc32C => digests.Crc32C,
            _ => digests.Crc64Nvme,
        };
    }

    // The textbook bit-at-a-time definition: independent of the library and the combine maths under test.
    private static ulong BitwiseReflected(byte[] data, ulong polynomial, int width)
    {
        var mask = width == 64 ? ulong.MaxValue : (1ul << width) - 1;
        var crc = mask;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }
        }

        return ~crc & mask;
    }
}
