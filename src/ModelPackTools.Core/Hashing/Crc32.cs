using System.Buffers.Binary;

namespace ModelPackTools.Hashing;

/// <summary>
/// CRC-32 (ISO-HDLC: gzip, zip, S3's CRC32 checksum), reflected polynomial 0xEDB88320, slicing-by-8.
/// Stands in for System.IO.Hashing.Crc32, which this machine's package source does not serve.
/// </summary>
public sealed class Crc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();
    private uint state = 0xFFFFFFFFu;

    public void Append(ReadOnlySpan<byte> data) => this.state = Update(this.state, data);

    public uint GetCurrentHashAsUInt32() => ~this.state;

    public void Reset() => this.state = 0xFFFFFFFFu;

    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    /// <summary>
    /// The CRC of A followed by B from CRC(A), CRC(B) and B's length, without the bytes (zlib's crc32_combine).
    /// Lets parallel compressors checksum blocks independently and still write one gzip trailer.
    /// </summary>
    public static uint Combine(uint crcA, uint crcB, long lengthB)
    {
        if (lengthB <= 0)
        {
            return crcA;
        }

        Span<uint> even = stackalloc uint[32];
        Span<uint> odd = stackalloc uint[32];

        // odd = the operator for one zero bit.
        odd[0] = Polynomial;
        uint row = 1;
        for (var n = 1; n < 32; n++)
        {
            odd[n] = row;
            row <<= 1;
        }

        Square(even, odd); // two zero bits
        Square(odd, even); // four zero bits

        var crc = crcA;
        do
        {
            // Apply zeros operator for this bit of lengthB (first pass: one zero byte).
            Square(even, odd);
            if ((lengthB & 1) != 0)
            {
                crc = Times(even, crc);
            }

            lengthB >>= 1;
            if (lengthB == 0)
            {
                break;
            }

            Square(odd, even);
            if ((lengthB & 1) != 0)
            {
                crc = Times(odd, crc);
            }

            lengthB >>= 1;
        }
        while (lengthB != 0);

        return crc ^ crcB;
    }

    private static uint Times(ReadOnlySpan<uint> matrix, uint vector)
    {
        uint sum = 0;
        var i = 0;
        while (vector != 0)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }

            vector >>= 1;
            i++;
        }

        return sum;
    }

    private static void Square(Span<uint> square, ReadOnlySpan<uint> matrix)
    {
        for (var n = 0; n < 32; n++)
        {
            square[n] = Times(matrix, matrix[n]);
        }
    }

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[(7 * 256) + (one & 0xFF)] ^
                  table[(6 * 256) + ((one >> 8) & 0xFF)] ^
                  table[(5 * 256) + ((one >> 16) & 0xFF)] ^
                  table[(4 * 256) + (one >> 24)] ^
                  table[(3 * 256) + (two & 0xFF)] ^
                  table[(2 * 256) + ((two >> 8) & 0xFF)] ^
                  table[256 + ((two >> 16) & 0xFF)] ^
                  table[two >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}
