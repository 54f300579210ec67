using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelPackTools.Hashing;

/// <summary>
/// The software engine behind <see cref="Crc32"/>, <see cref="Crc32C"/> and <see cref="Crc64Nvme"/>. All three are
/// reflected CRCs whose initial value and final XOR are all ones, so one slicing-by-8 loop and one combine serve
/// them; only the polynomial and the register width (<typeparamref name="T"/>) differ.
/// This module stands in for System.IO.Hashing, which this machine's package source does not serve.
/// </summary>
/// <remarks>
/// The engine works on the raw register (before the final XOR); <see cref="Combine"/> works on finished CRCs,
/// which is valid because the all-ones initial value and final XOR cancel out.
/// </remarks>
internal sealed class ReflectedCrc<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
{
    // x^(2^k) for k up to 3 + 63 covers any byte count a long can hold (bits = bytes * 2^3).
    private const int PowerCount = 67;

    private static readonly int Width = Unsafe.SizeOf<T>() * 8;

    private readonly T polynomial;
    private readonly T[] table;
    private readonly T[] powers;

    public ReflectedCrc(T polynomial)
    {
        this.polynomial = polynomial;
        this.table = this.BuildTable();
        this.powers = this.BuildPowers();
    }

    // Optimized from the first call, like the other hashing kernels: a short run would otherwise spend much of it in tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T Update(T crc, ReadOnlySpan<byte> data)
    {
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(this.table);
        ref var t1 = ref Unsafe.Add(ref t0, 256);
        ref var t2 = ref Unsafe.Add(ref t0, 2 * 256);
        ref var t3 = ref Unsafe.Add(ref t0, 3 * 256);
        ref var t4 = ref Unsafe.Add(ref t0, 4 * 256);
        ref var t5 = ref Unsafe.Add(ref t0, 5 * 256);
        ref var t6 = ref Unsafe.Add(ref t0, 6 * 256);
        ref var t7 = ref Unsafe.Add(ref t0, 7 * 256);

        // Slicing-by-8: XOR eight input bytes into the register and look each byte up in its own table. A 32-bit
        // register only reaches the low four bytes of the word, which is exactly the CRC-32 formulation.
        // Unsigned native indices into fixed 256-entry tables: every index is a byte, so no bounds checks are needed.
        while (data.Length >= 8)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(data) ^ ulong.CreateTruncating(crc);
            var low = (uint)word;
            var high = (uint)(word >> 32);
            crc = Unsafe.Add(ref t7, (nuint)(low & 0xFF)) ^
                  Unsafe.Add(ref t6, (nuint)((low >> 8) & 0xFF)) ^
                  Unsafe.Add(ref t5, (nuint)((low >> 16) & 0xFF)) ^
                  Unsafe.Add(ref t4, (nuint)(low >> 24)) ^
                  Unsafe.Add(ref t3, (nuint)(high & 0xFF)) ^
                  Unsafe.Add(ref t2, (nuint)((high >> 8) & 0xFF)) ^
                  Unsafe.Add(ref t1, (nuint)((high >> 16) & 0xFF)) ^
                  Unsafe.Add(ref t0, (nuint)(high >> 24));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = Unsafe.Add(ref t0, (nuint)((ulong.CreateTruncating(crc) ^ b) & 0xFF)) ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>
    /// CRC(A followed by B) from CRC(A), CRC(B) and B's length, without the bytes: CRC(A) is multiplied by
    /// x^(8 * lengthB) modulo the polynomial (zlib's crc32_combine_op), using precomputed powers x^(2^k).
    /// </summary>
    public T Combine(T crcA, T crcB, long lengthB)
    {
        if (lengthB <= 0)
        {
            return crcA;
        }

        return this.Multiply(this.PowerOfX(lengthB, 3), crcA) ^ crcB;
    }

    // x^(n * 2^k) mod P.
    private T PowerOfX(long n, int k)
    {
        var p = T.One << (Width - 1); // x^0 in reflected order
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                p = this.Multiply(this.powers[k], p);
            }

            n >>= 1;
            k++;
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

    private T[] BuildPowers()
    {
        var powers = new T[PowerCount];
        var p = T.One << (Width - 2); // x^1
        powers[0] = p;
        for (var k = 1; k < PowerCount; k++)
        {
            p = this.Multiply(p, p);
            powers[k] = p;
        }

        return powers;
    }

    private T[] BuildTable()
    {
        var table = new T[8 * 256];
        for (var i = 0; i < 256; i++)
        {
            var c = T.CreateTruncating(i);
            for (var k = 0; k < 8; k++)
            {
                c = (c & T.One) != T.Zero ? this.polynomial ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        // Table s advances a byte through s further zero bytes, which is what slicing-by-8 needs.
        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = table[int.CreateTruncating(previous & T.CreateTruncating(0xFF))] ^ (previous >> 8);
            }
        }

        return table;
    }
}
