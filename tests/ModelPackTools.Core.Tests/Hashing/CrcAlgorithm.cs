using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

// One face for the three CRCs so each behaviour is written once and run against all of them.
public sealed record CrcAlgorithm(
    string Name,
    Func<byte[], ulong> Compute,
    Func<ulong, ulong, long, ulong> Combine,
    Func<IEnumerable<byte[]>, ulong> Incremental,
    Func<byte[], ulong> Reference)
{
    public static readonly CrcAlgorithm Crc32 = new(
        "CRC-32",
        data => ModelPackTools.Hashing.Crc32.Compute(data),
        (a, b, length) => ModelPackTools.Hashing.Crc32.Combine((uint)a, (uint)b, length),
        pieces =>
        {
            var crc = new ModelPackTools.Hashing.Crc32();
            foreach (var piece in pieces)
            {
                crc.Append(piece);
            }

            return crc.GetCurrentHashAsUInt32();
        },
        data => BitwiseReflected(data, 0xEDB88320u, 32));

    public static readonly CrcAlgorithm Crc32C = new(
        "CRC-32C",
        data => ModelPackTools.Hashing.Crc32C.Compute(data),
        (a, b, length) => ModelPackTools.Hashing.Crc32C.Combine((uint)a, (uint)b, length),
        pieces =>
        {
            var crc = new ModelPackTools.Hashing.Crc32C();
            foreach (var piece in pieces)
            {
                crc.Append(piece);
            }

            return crc.GetCurrentHashAsUInt32();
        },
        data => BitwiseReflected(data, 0x82F63B78u, 32));

    public static readonly CrcAlgorithm Crc64Nvme = new(
        "CRC-64/NVME",
        data => ModelPackTools.Hashing.Crc64Nvme.Compute(data),
        ModelPackTools.Hashing.Crc64Nvme.Combine,
        pieces =>
        {
            var crc = new ModelPackTools.Hashing.Crc64Nvme();
            foreach (var piece in pieces)
            {
                crc.Append(piece);
            }

            return crc.GetCurrentHashAsUInt64();
        },
        data => BitwiseReflected(data, 0x9A6C9329AC4BC9B5ul, 64));

    public static TheoryData<string> Names => new() { "CRC-32", "CRC-32C", "CRC-64/NVME" };

    public static CrcAlgorithm Named(string name) => name switch
    {
        "CRC-32" => Crc32,
        "CRC-32C" => Crc32C,
        "CRC-64/NVME" => Crc64Nvme,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // The textbook bit-at-a-time definition: independent of the tables and the combine maths under test.
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
