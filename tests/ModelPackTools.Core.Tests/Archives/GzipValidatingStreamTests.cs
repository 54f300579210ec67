using System.Buffers.Binary;
using ModelPackTools.Archives;
using ModelPackTools.Core.Tests.Support;

namespace ModelPackTools.Core.Tests.Archives;

public class GzipValidatingStreamTests
{
    private static readonly byte[] Tar = new TarBuilder().File("model.bin", new string('m', 5000)).End().ToArray();

    private static string[] Codes(byte[] archive, double maxRatio = 200) =>
        TarArchiveReader.Read(new MemoryStream(archive), "x.tar.gz", new ArchiveReadOptions { MaxCompressionRatio = maxRatio })
            .SourceDiagnostics.Select(d => d.Code).ToArray();

    [Fact]
    public void Decompresses_a_valid_member_exactly()
    {
        using var gzip = new GzipValidatingStream(new MemoryStream(TarBuilder.Gzip(Tar)), 1000);
        using var output = new MemoryStream();
        gzip.CopyTo(output);

        Assert.Equal(Tar, output.ToArray());
        Assert.Equal(1, gzip.MemberCount);
    }

    [Fact]
    public void Reads_concatenated_members_as_one_stream()
    {
        var half = Tar.Length / 2;
        var twoMembers = TarBuilder.Gzip(Tar[..half]).Concat(TarBuilder.Gzip(Tar[half..])).ToArray();
        using var gzip = new GzipValidatingStream(new MemoryStream(twoMembers), 1000);
        using var output = new MemoryStream();
        gzip.CopyTo(output);

        Assert.Equal(Tar, output.ToArray());
        Assert.Equal(2, gzip.MemberCount);
        Assert.Empty(Codes(twoMembers));
    }

    [Fact]
    public void Wrong_crc_in_the_trailer_is_reported()
    {
        var archive = TarBuilder.Gzip(Tar);
        archive[^8] ^= 0x01;

        Assert.Equal(["MPK2013"], Codes(archive));
    }

    [Fact]
    public void Wrong_isize_in_the_trailer_is_reported()
    {
        var archive = TarBuilder.Gzip(Tar);
        BinaryPrimitives.WriteUInt32LittleEndian(archive.AsSpan(archive.Length - 4), (uint)Tar.Length + 1);

        Assert.Equal(["MPK2013"], Codes(archive));
    }

    [Fact]
    public void Bytes_that_are_not_gzip_after_the_last_member_are_reported()
    {
        var archive = TarBuilder.Gzip(Tar).Concat("garbage"u8.ToArray()).ToArray();

        var codes = Codes(archive);

        Assert.Equal(["MPK2013"], codes);
    }

    [Fact]
    public void Zero_bytes_after_the_last_member_are_reported_too()
    {
        Assert.Equal(["MPK2013"], Codes([.. TarBuilder.Gzip(Tar), 0, 0, 0, 0]));
    }

    [Fact]
    public void Gzip_cut_before_its_trailer_is_truncated()
    {
        var archive = TarBuilder.Gzip(Tar);

        Assert.Equal(["MPK2010"], Codes(archive[..^4]));
    }

    [Fact]
    public void Reserved_header_flags_are_reported()
    {
        var archive = TarBuilder.Gzip(Tar);
        archive[3] |= 0x80;

        Assert.Equal(["MPK2013"], Codes(archive));
    }

    [Fact]
    public void Compression_bomb_is_stopped_while_reading()
    {
        // 64 MiB of zeros inside one member compress about 1000:1.
        var bomb = new TarBuilder().Entry("zeros.bin"u8.ToArray(), '0', new byte[64 * 1024 * 1024]).End().ToGzip();

        Assert.Equal(["MPK2012"], Codes(bomb, maxRatio: 100));
        Assert.DoesNotContain("MPK2012", Codes(bomb, maxRatio: 2000));
    }
}
