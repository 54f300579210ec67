using System.Text;
using ModelPackTools.Archives;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Archives;

/// <summary>
/// Headers that real readers interpret differently (issue 10, items 4, 6 and 8), built as raw bytes: each PAX override
/// against the ustar field it overrides, bytes hidden after a name's NUL, and the extended headers that are the format.
/// </summary>
public class TarHeaderDisagreementTests
{
    private static ModelTree Read(byte[] bytes) => TarArchiveReader.Read(new MemoryStream(bytes), "test.tar", new ArchiveReadOptions());

    private static string[] Codes(ModelTree tree) => tree.SourceDiagnostics.Select(d => d.Code).ToArray();

    /// <summary>TARmageddon's shape: PAX says 1024 bytes of data, ustar says 0, and the data is a tar header.</summary>
    internal static byte[] PaxSizeOverUstarZero() =>
        new TarBuilder()
            .Pax(("size", "1024"))
            .Entry("outer.bin"u8.ToArray(), '0', new TarBuilder().File("smuggled.bin", "EVIL!").ToArray()[..1024], sizeField: TarBuilder.Octal(0, 12))
            .End().ToArray();

    /// <summary>The reverse: PAX says 0, ustar 1036; PAX readers read the data as a hidden member's header.</summary>
    internal static byte[] PaxZeroUnderUstarSize() =>
        new TarBuilder()
            .Pax(("size", "0"))
            .Entry("outer.bin"u8.ToArray(), '0', [.. new TarBuilder().File("hidden.bin", "EVIL!").ToArray(), .. new byte[12]], sizeField: TarBuilder.Octal(1036, 12))
            .End().ToArray();

    internal static byte[] PaxUidOverUstarUid() =>
        new TarBuilder().Pax(("uid", "0")).Entry("f.bin"u8.ToArray(), '0', [1], patch: h => TarBuilder.Octal(1000, 8).CopyTo(h, 108)).End().ToArray();

    internal static byte[] HiddenBytesAfterName() =>
        new TarBuilder().Entry("model.bin"u8.ToArray(), '0', [1], patch: h => "SECRET-KEY"u8.ToArray().CopyTo(h, 20)).End().ToArray();

    [Fact]
    public void Pax_size_larger_than_the_ustar_size_is_a_reader_differential()
    {
        var tree = Read(PaxSizeOverUstarZero());

        var diagnostic = Assert.Single(tree.SourceDiagnostics);
        Assert.Equal("MPK2020", diagnostic.Code);
        Assert.Equal("outer.bin", diagnostic.Path);
        Assert.Contains("PAX size 1024 disagrees with the ustar size field 0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["outer.bin"], tree.Entries.Select(e => e.Path)); // read as GNU tar and Python read it
    }

    [Fact]
    public void Pax_size_smaller_than_the_ustar_size_is_a_reader_differential()
    {
        var tree = Read(PaxZeroUnderUstarSize());

        Assert.Equal(["MPK2020"], Codes(tree).Distinct());
        Assert.Equal(["outer.bin", "hidden.bin"], tree.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Size_too_large_for_octal_stored_only_in_pax_is_a_warning_not_an_error()
    {
        // Python's tarfile and `tar --format=posix` write a 9 GiB member so: PAX size, 0 in the ustar field.
        // Declared on a link, which carries no data, so the test needs no 9 GiB of bytes.
        var tree = Read(new TarBuilder().Pax(("size", "9663676416")).Entry("big.bin"u8.ToArray(), '1', [], link: "a.bin", sizeField: TarBuilder.Octal(0, 12)).End().ToArray());

        var diagnostic = Assert.Single(tree.SourceDiagnostics);
        Assert.Equal("MPK3009", diagnostic.Code);
        Assert.Contains("busybox", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pax_uid_that_disagrees_with_the_ustar_uid_is_reported()
    {
        var diagnostic = Assert.Single(Read(PaxUidOverUstarUid()).SourceDiagnostics);

        Assert.Equal("MPK2020", diagnostic.Code);
        Assert.Contains("uid 0 disagrees with the ustar uid field 1000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil.bin", "good.bin")]
    [InlineData("other.bin", "good.bin")]
    [InlineData("good.bin/../../x", "good.bin")]
    [InlineData("../x", ".é./x")] // dropping non-ASCII must not leave a name that climbs out
    public void Pax_path_that_names_another_member_than_the_ustar_name_is_reported(string ustar, string pax)
    {
        var tree = Read(new TarBuilder().Pax(("path", pax)).Entry(Encoding.UTF8.GetBytes(ustar), '0', [1]).End().ToArray());

        var diagnostic = Assert.Single(tree.SourceDiagnostics);
        Assert.Equal("MPK2020", diagnostic.Code);
        Assert.Equal(pax, diagnostic.Path);
    }

    [Fact]
    public void Pax_linkpath_that_disagrees_with_the_ustar_link_name_is_reported()
    {
        var tree = Read(new TarBuilder().Pax(("linkpath", "model.bin")).Entry("alias"u8.ToArray(), '2', [], link: "/etc/passwd").End().ToArray());

        Assert.Contains("MPK2020", Codes(tree));
    }

    [Theory]
    [InlineData("d/caf?.txt", "d/café.txt")] // Python's tarfile: non-ASCII as '?'
    [InlineData("d/aaaaaaaaaa", "d/aaaaaaaaaaaaaaaaaaaaaaaaaa")] // truncated to fit
    [InlineData("dir/.../file.bin", "dir/a/b/c/d/file.bin")] // libarchive's elision
    [InlineData("d/café.txt", "d/café.txt")] // GNU tar and bsdtar keep the bytes
    [InlineData("donnes/caf.txt", "données/café.txt")] // Go's archive/tar drops non-ASCII characters
    public void Names_real_writers_shorten_for_the_ustar_field_agree_with_their_pax_path(string ustar, string pax)
    {
        var tree = Read(new TarBuilder().Pax(("path", pax)).Entry(Encoding.UTF8.GetBytes(ustar), '0', [1]).End().ToArray());

        Assert.Empty(tree.SourceDiagnostics);
        Assert.Equal(pax, Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void Bytes_after_the_nul_of_a_name_field_are_hidden_bytes()
    {
        var tree = Read(HiddenBytesAfterName());

        var diagnostic = Assert.Single(tree.SourceDiagnostics);
        Assert.Equal("MPK2021", diagnostic.Code);
        Assert.Equal("model.bin", diagnostic.Path);
        Assert.Contains("name field of the header at offset 0 holds 10 non-zero bytes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(157, "link name")]
    [InlineData(345 + 10, "prefix")]
    public void Bytes_after_the_nul_of_the_link_name_and_prefix_fields_are_hidden_bytes(int offset, string field)
    {
        var tree = Read(new TarBuilder().Entry("model.bin"u8.ToArray(), '0', [1], patch: h => { h[offset] = 0; h[offset + 3] = (byte)'X'; }).End().ToArray());

        Assert.Contains(field + " field", Assert.Single(tree.SourceDiagnostics, d => d.Code == "MPK2021").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15304302032\0", true)] // node-tar 7 (header.js encDate), NUL-ended
    [InlineData("15304302032 ", true)] // star, space-ended
    [InlineData("1530430203X\0", false)] // not a time: still hidden bytes
    public void The_star_layout_times_node_tar_writes_after_a_short_prefix_are_fields_not_hidden_bytes(string time, bool isTime)
    {
        var tree = Read(new TarBuilder().Entry("model.bin"u8.ToArray(), '0', [1], patch: h =>
        {
            "code"u8.CopyTo(h.AsSpan(345));
            Encoding.ASCII.GetBytes(time).CopyTo(h, 476);
            Encoding.ASCII.GetBytes(time).CopyTo(h, 488);
        }).End().ToArray());

        Assert.Equal(isTime ? [] : ["MPK2021"], tree.SourceDiagnostics.Select(d => d.Code));
        Assert.Equal("code/model.bin", Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void The_prefix_area_of_old_gnu_headers_is_not_a_name_field()
    {
        // Old GNU headers keep atime, ctime and offsets where ustar has its prefix.
        var tree = Read(new TarBuilder().Entry("a.bin"u8.ToArray(), '0', [1], magic: "ustar  \0", patch: h => { h[345] = 0; h[350] = (byte)'7'; }).End().ToArray());

        Assert.Empty(tree.SourceDiagnostics);
    }

    [Fact]
    public void Gnu_sparse_0_0_repeated_offset_records_are_the_format_not_a_conflict()
    {
        var tree = Read(new TarBuilder()
            .Pax(("GNU.sparse.size", "3072"), ("GNU.sparse.numblocks", "2"), ("GNU.sparse.offset", "0"), ("GNU.sparse.numbytes", "1"),
                ("GNU.sparse.offset", "2048"), ("GNU.sparse.numbytes", "1"), ("path", "sparse.bin"))
            .Entry("sparse.bin"u8.ToArray(), '0', [1, 2])
            .End().ToArray());

        Assert.Empty(tree.SourceDiagnostics);
        Assert.Equal(EntryKind.Sparse, Assert.Single(tree.Entries).Kind);
    }

    [Fact]
    public void Solaris_extended_header_x_is_read_like_a_pax_header()
    {
        var tree = Read(new TarBuilder()
            .Entry("PaxHeader"u8.ToArray(), 'X', TarBuilder.PaxRecord("path", "models/weights.bin"u8.ToArray()))
            .Entry("models/weights.bin"u8.ToArray(), '0', [1, 2, 3])
            .End().ToArray());

        Assert.Empty(tree.SourceDiagnostics);
        var entry = Assert.Single(tree.Entries);
        Assert.Equal(("models/weights.bin", EntryKind.File), (entry.Path, entry.Kind));
    }
}
