using System.Text;
using ModelPackTools.Hashing;

namespace ModelPackTools.Tests.Hashing;

public sealed class CrcTests
{
    private static readonly byte[] Check = Encoding.ASCII.GetBytes("123456789");

    [Theory]
    [InlineData("CRC-32", 0xCBF43926ul)]
    [InlineData("CRC-32C", 0xE3069283ul)]
    [InlineData("CRC-64/NVME", 0xAE8B14860A799888ul)]
    public void The_hasher_gives_each_crcs_check_value(string name, ulong check)
    {
        // The catalogue's check values pin the parameter sets: System.IO.Hashing's default Crc64 is ECMA-182, not NVMe.
        var crc = CrcAlgorithm.Named(name);
        Assert.Equal(check, crc.ViaHasher([Check]));
        Assert.Equal(0ul, crc.ViaHasher([]));
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

        Assert.Equal(crc.Compute(data), crc.ViaHasher(pieces));
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
        var zeroCrc = CrcAlgorithm.Crc64Nvme.Compute(zeros);
        var twoMiB = CrcCombine.Crc64Nvme(zeroCrc, zeroCrc, zeros.Length);
        Assert.Equal(CrcAlgorithm.Crc64Nvme.Compute(new byte[2 << 20]), twoMiB);

        var a = CrcAlgorithm.Crc64Nvme.Compute("a"u8.ToArray());
        var viaHalves = CrcCombine.Crc64Nvme(CrcCombine.Crc64Nvme(a, 0, 1L << 32), 0, 1L << 32);
        Assert.Equal(CrcCombine.Crc64Nvme(a, 0, 1L << 33), viaHalves);
    }

    [Fact]
    public void The_engine_computes_crcs_with_system_io_hashing_and_keeps_only_combine()
    {
        // The hand-written slicing-by-8 and SSE4.2 engines are gone: the only CRC code left in Core is the combine
        // maths System.IO.Hashing lacks (and the gzip writer's forward to it).
        var core = typeof(CrcCombine).Assembly;
        Assert.Contains(core.GetReferencedAssemblies(), a => a.Name == "System.IO.Hashing");
        var crcTypes = core.GetTypes().Where(t => t.Namespace == "ModelPackTools.Hashing" && t.Name.Contains("Crc", StringComparison.Ordinal) && !t.IsNested);
        Assert.Equal(["Crc32", "CrcCombine"], crcTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
    }
}
