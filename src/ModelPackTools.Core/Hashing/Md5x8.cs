using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ModelPackTools.Hashing;

/// <summary>
/// MD5 of eight equal-length messages at once, one per 32-bit lane of an AVX2 register ("multi-buffer" MD5, as in
/// Intel's isa-l_crypto). A single MD5 is a chain of 64 dependent steps per block, so a core spends most of its
/// time waiting on latency; eight independent messages in the lanes of one register cost about the same chain and
/// run several times faster than eight MD5s one after another. S3 parts of one upload are exactly such messages.
/// </summary>
/// <remarks>
/// Feed all eight lanes the same number of bytes: whole 64-byte blocks through <see cref="AppendBlocks"/>, then
/// the rest through <see cref="Finish"/>. MD5 identifies content for S3 here; it protects nothing.
/// </remarks>
internal sealed class Md5x8
{
    public const int Lanes = 8;

    private Vector256<uint> a = Vector256.Create(0x67452301u);
    private Vector256<uint> b = Vector256.Create(0xEFCDAB89u);
    private Vector256<uint> c = Vector256.Create(0x98BADCFEu);
    private Vector256<uint> d = Vector256.Create(0x10325476u);
    private long length;

    // Without AVX2 the same code runs on emulated vectors: correct, but slower than one MD5 at a time.
    public static bool IsAccelerated => Avx2.IsSupported;

    /// <summary>Hashes the first <paramref name="count"/> bytes of each lane; a multiple of 64.</summary>
    /// <remarks>Compiled optimized from the first call: a short run would otherwise spend much of it in tier-0 code.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendBlocks(byte[][] lanes, int count)
    {
        if (lanes.Length != Lanes || count % 64 != 0 || lanes.Any(lane => lane.Length < count))
        {
            throw new ArgumentException("eight lanes of whole 64-byte blocks are required.", nameof(lanes));
        }

        ref var p0 = ref MemoryMarshal.GetArrayDataReference(lanes[0]);
        ref var p1 = ref MemoryMarshal.GetArrayDataReference(lanes[1]);
        ref var p2 = ref MemoryMarshal.GetArrayDataReference(lanes[2]);
        ref var p3 = ref MemoryMarshal.GetArrayDataReference(lanes[3]);
        ref var p4 = ref MemoryMarshal.GetArrayDataReference(lanes[4]);
        ref var p5 = ref MemoryMarshal.GetArrayDataReference(lanes[5]);
        ref var p6 = ref MemoryMarshal.GetArrayDataReference(lanes[6]);
        ref var p7 = ref MemoryMarshal.GetArrayDataReference(lanes[7]);

        var (a, b, c, d) = (this.a, this.b, this.c, this.d);
        for (nuint block = 0; block < (nuint)count; block += 64)
        {
            // Row l holds words 0-7 (then 8-15) of lane l; transposed, vector j holds word j of every lane.
            var m0 = Vector256.LoadUnsafe(ref p0, block).AsUInt32();
            var m1 = Vector256.LoadUnsafe(ref p1, block).AsUInt32();
            var m2 = Vector256.LoadUnsafe(ref p2, block).AsUInt32();
            var m3 = Vector256.LoadUnsafe(ref p3, block).AsUInt32();
            var m4 = Vector256.LoadUnsafe(ref p4, block).AsUInt32();
            var m5 = Vector256.LoadUnsafe(ref p5, block).AsUInt32();
            var m6 = Vector256.LoadUnsafe(ref p6, block).AsUInt32();
            var m7 = Vector256.LoadUnsafe(ref p7, block).AsUInt32();
            Transpose(ref m0, ref m1, ref m2, ref m3, ref m4, ref m5, ref m6, ref m7);
            var m8 = Vector256.LoadUnsafe(ref p0, block + 32).AsUInt32();
            var m9 = Vector256.LoadUnsafe(ref p1, block + 32).AsUInt32();
            var m10 = Vector256.LoadUnsafe(ref p2, block + 32).AsUInt32();
            var m11 = Vector256.LoadUnsafe(ref p3, block + 32).AsUInt32();
            var m12 = Vector256.LoadUnsafe(ref p4, block + 32).AsUInt32();
            var m13 = Vector256.LoadUnsafe(ref p5, block + 32).AsUInt32();
            var m14 = Vector256.LoadUnsafe(ref p6, block + 32).AsUInt32();
            var m15 = Vector256.LoadUnsafe(ref p7, block + 32).AsUInt32();
            Transpose(ref m8, ref m9, ref m10, ref m11, ref m12, ref m13, ref m14, ref m15);

            var (aa, bb, cc, dd) = (a, b, c, d);

            a = F(a, b, c, d, m0, 0xD76AA478u, 7);
            d = F(d, a, b, c, m1, 0xE8C7B756u, 12);
            c = F(c, d, a, b, m2, 0x242070DBu, 17);
            b = F(b, c, d, a, m3, 0xC1BDCEEEu, 22);
            a = F(a, b, c, d, m4, 0xF57C0FAFu, 7);
            d = F(d, a, b, c, m5, 0x4787C62Au, 12);
            c = F(c, d, a, b, m6, 0xA8304613u, 17);
            b = F(b, c, d, a, m7, 0xFD469501u, 22);
            a = F(a, b, c, d, m8, 0x698098D8u, 7);
            d = F(d, a, b, c, m9, 0x8B44F7AFu, 12);
            c = F(c, d, a, b, m10, 0xFFFF5BB1u, 17);
            b = F(b, c, d, a, m11, 0x895CD7BEu, 22);
            a = F(a, b, c, d, m12, 0x6B901122u, 7);
            d = F(d, a, b, c, m13, 0xFD987193u, 12);
            c = F(c, d, a, b, m14, 0xA679438Eu, 17);
            b = F(b, c, d, a, m15, 0x49B40821u, 22);

            a = G(a, b, c, d, m1, 0xF61E2562u, 5);
            d = G(d, a, b, c, m6, 0xC040B340u, 9);
            c = G(c, d, a, b, m11, 0x265E5A51u, 14);
            b = G(b, c, d, a, m0, 0xE9B6C7AAu, 20);
            a = G(a, b, c, d, m5, 0xD62F105Du, 5);
            d = G(d, a, b, c, m10, 0x02441453u, 9);
            c = G(c, d, a, b, m15, 0xD8A1E681u, 14);
            b = G(b, c, d, a, m4, 0xE7D3FBC8u, 20);
            a = G(a, b, c, d, m9, 0x21E1CDE6u, 5);
            d = G(d, a, b, c, m14, 0xC33707D6u, 9);
            c = G(c, d, a, b, m3, 0xF4D50D87u, 14);
            b = G(b, c, d, a, m8, 0x455A14EDu, 20);
            a = G(a, b, c, d, m13, 0xA9E3E905u, 5);
            d = G(d, a, b, c, m2, 0xFCEFA3F8u, 9);
            c = G(c, d, a, b, m7, 0x676F02D9u, 14);
            b = G(b, c, d, a, m12, 0x8D2A4C8Au, 20);

            a = H(a, b, c, d, m5, 0xFFFA3942u, 4);
            d = H(d, a, b, c, m8, 0x8771F681u, 11);
            c = H(c, d, a, b, m11, 0x6D9D6122u, 16);
            b = H(b, c, d, a, m14, 0xFDE5380Cu, 23);
            a = H(a, b, c, d, m1, 0xA4BEEA44u, 4);
            d = H(d, a, b, c, m4, 0x4BDECFA9u, 11);
            c = H(c, d, a, b, m7, 0xF6BB4B60u, 16);
            b = H(b, c, d, a, m10, 0xBEBFBC70u, 23);
            a = H(a, b, c, d, m13, 0x289B7EC6u, 4);
            d = H(d, a, b, c, m0, 0xEAA127FAu, 11);
            c = H(c, d, a, b, m3, 0xD4EF3085u, 16);
            b = H(b, c, d, a, m6, 0x04881D05u, 23);
            a = H(a, b, c, d, m9, 0xD9D4D039u, 4);
            d = H(d, a, b, c, m12, 0xE6DB99E5u, 11);
            c = H(c, d, a, b, m15, 0x1FA27CF8u, 16);
            b = H(b, c, d, a, m2, 0xC4AC5665u, 23);

            a = I(a, b, c, d, m0, 0xF4292244u, 6);
            d = I(d, a, b, c, m7, 0x432AFF97u, 10);
            c = I(c, d, a, b, m14, 0xAB9423A7u, 15);
            b = I(b, c, d, a, m5, 0xFC93A039u, 21);
            a = I(a, b, c, d, m12, 0x655B59C3u, 6);
            d = I(d, a, b, c, m3, 0x8F0CCC92u, 10);
            c = I(c, d, a, b, m10, 0xFFEFF47Du, 15);
            b = I(b, c, d, a, m1, 0x85845DD1u, 21);
            a = I(a, b, c, d, m8, 0x6FA87E4Fu, 6);
            d = I(d, a, b, c, m15, 0xFE2CE6E0u, 10);
            c = I(c, d, a, b, m6, 0xA3014314u, 15);
            b = I(b, c, d, a, m13, 0x4E0811A1u, 21);
            a = I(a, b, c, d, m4, 0xF7537E82u, 6);
            d = I(d, a, b, c, m11, 0xBD3AF235u, 10);
            c = I(c, d, a, b, m2, 0x2AD7D2BBu, 15);
            b = I(b, c, d, a, m9, 0xEB86D391u, 21);

            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }

        (this.a, this.b, this.c, this.d) = (a, b, c, d);
        this.length += count;
    }

    /// <summary>Hashes the last <paramref name="count"/> bytes of each lane (any number) and returns the eight digests.</summary>
    public byte[][] Finish(byte[][] lanes, int count)
    {
        var whole = count & ~63;
        this.AppendBlocks(lanes, whole);

        // The same padding for every lane, since every lane has the same length: 0x80, zeros, the bit length.
        var rest = count - whole;
        var padded = rest < 56 ? 64 : 128;
        var bits = (ulong)(this.length + rest) * 8;
        var tails = new byte[Lanes][];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var tail = new byte[padded];
            lanes[lane].AsSpan(whole, rest).CopyTo(tail);
            tail[rest] = 0x80;
            BinaryPrimitives.WriteUInt64LittleEndian(tail.AsSpan(padded - 8), bits);
            tails[lane] = tail;
        }

        this.AppendBlocks(tails, padded);

        var digests = new byte[Lanes][];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var digest = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(digest, this.a.GetElement(lane));
            BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(4), this.b.GetElement(lane));
            BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(8), this.c.GetElement(lane));
            BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(12), this.d.GetElement(lane));
            digests[lane] = digest;
        }

        return digests;
    }

    // The four rounds of RFC 1321: new a = b + ((a + f(b, c, d) + m + k) <<< s). b is the previous step's result,
    // so everything that does not involve it is grouped to be computed off the critical path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> F(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, Vector256<uint> m, uint k, [ConstantExpected] byte s) =>
        b + RotateLeft((a + m + Vector256.Create(k)) + (d ^ (b & (c ^ d))), s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> G(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, Vector256<uint> m, uint k, [ConstantExpected] byte s) =>
        b + RotateLeft((a + m + Vector256.Create(k)) + ((b & d) | Vector256.AndNot(c, d)), s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> H(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, Vector256<uint> m, uint k, [ConstantExpected] byte s) =>
        b + RotateLeft((a + m + Vector256.Create(k)) + (b ^ (c ^ d)), s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> I(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, Vector256<uint> d, Vector256<uint> m, uint k, [ConstantExpected] byte s) =>
        b + RotateLeft((a + m + Vector256.Create(k)) + (c ^ (b | ~d)), s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> RotateLeft(Vector256<uint> x, [ConstantExpected] byte s) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(x, s)
            : Vector256.ShiftLeft(x, s) | Vector256.ShiftRightLogical(x, 32 - s);

    // 8x8 transpose of 32-bit words: interleave pairs of rows, then pairs of pairs, then swap 128-bit halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        ref Vector256<uint> r0, ref Vector256<uint> r1, ref Vector256<uint> r2, ref Vector256<uint> r3,
        ref Vector256<uint> r4, ref Vector256<uint> r5, ref Vector256<uint> r6, ref Vector256<uint> r7)
    {
        if (!Avx2.IsSupported)
        {
            Vector256<uint>[] rows = [r0, r1, r2, r3, r4, r5, r6, r7];
            Vector256<uint> Column(int j) => Vector256.Create(
                rows[0][j], rows[1][j], rows[2][j], rows[3][j], rows[4][j], rows[5][j], rows[6][j], rows[7][j]);
            (r0, r1, r2, r3, r4, r5, r6, r7) = (Column(0), Column(1), Column(2), Column(3), Column(4), Column(5), Column(6), Column(7));
            return;
        }

        var t0 = Avx2.UnpackLow(r0, r1).AsUInt64();
        var t1 = Avx2.UnpackHigh(r0, r1).AsUInt64();
        var t2 = Avx2.UnpackLow(r2, r3).AsUInt64();
        var t3 = Avx2.UnpackHigh(r2, r3).AsUInt64();
        var t4 = Avx2.UnpackLow(r4, r5).AsUInt64();
        var t5 = Avx2.UnpackHigh(r4, r5).AsUInt64();
        var t6 = Avx2.UnpackLow(r6, r7).AsUInt64();
        var t7 = Avx2.UnpackHigh(r6, r7).AsUInt64();

        var u0 = Avx2.UnpackLow(t0, t2).AsUInt32();
        var u1 = Avx2.UnpackHigh(t0, t2).AsUInt32();
        var u2 = Avx2.UnpackLow(t1, t3).AsUInt32();
        var u3 = Avx2.UnpackHigh(t1, t3).AsUInt32();
        var u4 = Avx2.UnpackLow(t4, t6).AsUInt32();
        var u5 = Avx2.UnpackHigh(t4, t6).AsUInt32();
        var u6 = Avx2.UnpackLow(t5, t7).AsUInt32();
        var u7 = Avx2.UnpackHigh(t5, t7).AsUInt32();

        r0 = Avx2.Permute2x128(u0, u4, 0x20);
        r1 = Avx2.Permute2x128(u1, u5, 0x20);
        r2 = Avx2.Permute2x128(u2, u6, 0x20);
        r3 = Avx2.Permute2x128(u3, u7, 0x20);
        r4 = Avx2.Permute2x128(u0, u4, 0x31);
        r5 = Avx2.Permute2x128(u1, u5, 0x31);
        r6 = Avx2.Permute2x128(u2, u6, 0x31);
        r7 = Avx2.Permute2x128(u3, u7, 0x31);
    }
}
