using System.Text;
using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class CrcTests
{
    private static readonly byte[] Check = Encoding.ASCII.GetBytes("123456789");

    [Fact]
    public void Crc32_check_value() => Assert.Equal(0xCBF43926u, Crc32.Compute(Check));

    [Fact]
    public void Crc32C_check_value() => Assert.Equal(0xE3069283u, Crc32C.Compute(Check));

    [Fact]
    public void Crc64Nvme_check_value() => Assert.Equal(0xAE8B14860A799888ul, Crc64Nvme.Compute(Check));

    [Fact]
    public void Empty_input_has_crc_zero()
    {
        Assert.Equal(0u, Crc32.Compute([]));
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0ul, Crc64Nvme.Compute([]));
    }

    [Theory]
    [MemberData(nameof(CrcAlgorithm.Names), MemberType = typeof(CrcAlgorithm))]
    public void Matches_the_bitwise_definition_on_random_data(string name)
    {
        var crc = CrcAlgorithm.Named(name);
        var random = new Random(1);
        foreach (var length in new[] { 0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(crc.Reference(data), crc.Compute(data));
        }
    }

    [Theory]
    [MemberData(nameof(CrcAlgorithm.Names), MemberType = typeof(CrcAlgorithm))]
    public void Appending_in_odd_sized_pieces_equals_one_shot(string name)
    {
        var crc = CrcAlgorithm.Named(name);
        var data = new byte[20_011];
        new Random(2).NextBytes(data);

        int[] sizes = [1, 3, 7, 0, 13, 8, 1, 31, 64, 127, 1000, 5];
        var pieces = new List<byte[]>();
        var offset = 0;
        for (var i = 0; offset < data.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], data.Length - offset);
            pieces.Add(data[offset..(offset + size)]);
            offset += size;
        }

        Assert.Equal(crc.Compute(data), crc.Incremental(pieces));
    }

    [Theory]
    [MemberData(nameof(CrcAlgorithm.Names), MemberType = typeof(CrcAlgorithm))]
    public void Combine_of_two_crcs_equals_crc_of_the_concatenation(string name)
    {
        var crc = CrcAlgorithm.Named(name);
        var data = new byte[3000];
        new Random(3).NextBytes(data);

        foreach (var split in new[] { 0, 1, 2, 7, 8, 9, 100, 1499, 1500, 2048, 2999, 3000 })
        {
            var a = data[..split];
            var b = data[split..];
            Assert.Equal(crc.Compute(data), crc.Combine(crc.Compute(a), crc.Compute(b), b.Length));
        }
    }

    [Theory]
    [MemberData(nameof(CrcAlgorithm.Names), MemberType = typeof(CrcAlgorithm))]
    public void Combine_with_empty_pieces_is_identity(string name)
    {
        var crc = CrcAlgorithm.Named(name);
        var data = Encoding.ASCII.GetBytes("model.tar.gz");
        var whole = crc.Compute(data);

        Assert.Equal(whole, crc.Combine(whole, crc.Compute([]), 0));
        Assert.Equal(whole, crc.Combine(crc.Compute([]), whole, data.Length));
        Assert.Equal(0ul, crc.Combine(crc.Compute([]), crc.Compute([]), 0));
    }

    [Theory]
    [MemberData(nameof(CrcAlgorithm.Names), MemberType = typeof(CrcAlgorithm))]
    public void Combine_folds_many_pieces_in_order(string name)
    {
        var crc = CrcAlgorithm.Named(name);
        var data = new byte[10_000];
        new Random(4).NextBytes(data);

        var folded = crc.Compute([]);
        var offset = 0;
        var random = new Random(5);
        while (offset < data.Length)
        {
            var size = Math.Min(random.Next(0, 700), data.Length - offset);
            folded = crc.Combine(folded, crc.Compute(data[offset..(offset + size)]), size);
            offset += size;
        }

        Assert.Equal(crc.Compute(data), folded);
    }

    [Fact]
    public void Combine_handles_lengths_beyond_four_gigabytes()
    {
        // Combining with real zero runs checks the maths against bytes; beyond that, combine with crcB = 0 is the
        // pure shift by lengthB bytes, so two shifts of 2^32 bytes must equal one shift of 2^33.
        var zeros = new byte[1 << 20];
        var zeroCrc = Crc64Nvme.Compute(zeros);
        var twoMiB = Crc64Nvme.Combine(zeroCrc, zeroCrc, zeros.Length);
        Assert.Equal(Crc64Nvme.Compute(new byte[2 << 20]), twoMiB);

        var a = Crc64Nvme.Compute("a"u8);
        var viaHalves = Crc64Nvme.Combine(Crc64Nvme.Combine(a, 0, 1L << 32), 0, 1L << 32);
        Assert.Equal(Crc64Nvme.Combine(a, 0, 1L << 33), viaHalves);
    }

    [Fact]
    public void Reset_starts_over()
    {
        var crc = new Crc32C();
        crc.Append("garbage"u8);
        crc.Reset();
        crc.Append(Check);
        Assert.Equal(0xE3069283u, crc.GetCurrentHashAsUInt32());
    }

    [Fact]
    public void Crc32C_instruction_path_equals_table_path()
    {
        // On a machine without SSE4.2 or the ARM CRC extension both sides run the table, and this still holds.
        var random = new Random(6);
        var buffer = new byte[70_000];
        random.NextBytes(buffer);
        for (var length = 0; length < 300; length++)
        {
            var offset = random.Next(0, 16);
            var slice = buffer.AsSpan(offset, length);
            Assert.Equal(Crc32C.ComputeSoftware(slice), Crc32C.Compute(slice));
        }

        foreach (var length in new[] { 4095, 4096, 4097, 65_536, 69_999 })
        {
            var slice = buffer.AsSpan(buffer.Length - length);
            Assert.Equal(Crc32C.ComputeSoftware(slice), Crc32C.Compute(slice));
        }
    }
}
