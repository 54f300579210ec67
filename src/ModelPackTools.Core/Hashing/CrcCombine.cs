using System.Numerics;
using System.Runtime.CompilerServices;

namespace ModelPackTools.Hashing;

/// <summary>
/// CRC(A followed by B) from CRC(A), CRC(B) and B's length, without the bytes (zlib's crc32_combine), for the three
/// CRCs S3 uses. System.IO.Hashing computes the CRCs themselves but has no combine; this is what lets parts hashed in
/// parallel fold into a full-object checksum and parallel gzip blocks into one trailer.
/// </summary>
public static class CrcCombine
{
    private static readonly Combiner<uint> Crc32Combiner = new(0xEDB88320u);
    private static readonly Combiner<uint> Crc32CCombiner = new(0x82F63B78u);
    private static readonly Combiner<ulong> Crc64NvmeCombiner = new(0x9A6C9329AC4BC9B5ul);

    /// <summary>CRC-32 (ISO-HDLC: gzip, zip, S3's CRC32).</summary>
    public static uint Crc32(uint crcA, uint crcB, long lengthB) => Crc32Combiner.Combine(crcA, crcB, lengthB);

    /// <summary>CRC-32C (Castagnoli: S3's CRC32C).</summary>
    public static uint Crc32C(uint crcA, uint crcB, long lengthB) => Crc32CCombiner.Combine(crcA, crcB, lengthB);

    /// <summary>CRC-64/NVME (S3's CRC64NVME, which S3 reports over the whole object even for multipart uploads).</summary>
    public static ulong Crc64Nvme(ulong crcA, ulong crcB, long lengthB) => Crc64NvmeCombiner.Combine(crcA, crcB, lengthB);

    /// <summary>
    /// Combine for a reflected CRC whose initial value and final XOR are all ones (all three are): CRC(A) is multiplied
    /// by x^(8 * lengthB) modulo the polynomial, using precomputed powers x^(2^k). The all-ones initial value and final
    /// XOR cancel out, so finished CRCs combine directly.
    /// </summary>
    private sealed class Combiner<T>
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        // x^(2^k) for k up to 3 + 63 covers any byte count a long can hold (bits = bytes * 2^3).
        private const int PowerCount = 67;

        private static readonly int Width = Unsafe.SizeOf<T>() * 8;

        private readonly T polynomial;
        private readonly T[] powers = new T[PowerCount];

        public Combiner(T polynomial)
        {
            this.polynomial = polynomial;
            var p = T.One << (Width - 2); // x^1 in reflected order
            for (var k = 0; k < PowerCount; k++)
            {
                this.powers[k] = p;
                p = this.Multiply(p, p);
            }
        }

        public T Combine(T crcA, T crcB, long lengthB) =>
            lengthB <= 0 ? crcA : this.Multiply(this.PowerOfX(lengthB, 3), crcA) ^ crcB;

        // x^(n * 2^k) mod P.
        private T PowerOfX(long n, int k)
        {
            var p = T.One << (Width - 1); // x^0 in reflected order
            for (; n != 0; n >>= 1, k++)
            {
                if ((n & 1) != 0)
                {
                    p = this.Multiply(this.powers[k], p);
                }
            }

            return p;
        }

        // a * b mod P, both reflected (the top bit is x^0). a must be non-zero; powers of x always are.
        private T Multiply(T a, T b)
        {
            var m = T.One << (Width - 1);
            var product = T.Zero;
            while (true)
            {
                if ((a & m) != T.Zero)
                {
                    product ^= b;
                    if ((a & (m - T.One)) == T.Zero)
                    {
                        return product;
                    }
                }

                m >>= 1;
                b = (b & T.One) != T.Zero ? (b >> 1) ^ this.polynomial : b >> 1;
            }
        }
    }
}
