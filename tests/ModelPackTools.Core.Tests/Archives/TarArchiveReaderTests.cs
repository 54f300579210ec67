using System.Text;
using ModelPackTools.Archives;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Trees;

namespace ModelPackTools.Core.Tests.Archives;

public class TarArchiveReaderTests
{
    private static ModelTree Read(byte[] bytes, ArchiveReadOptions? options = null) =>
        TarArchiveReader.Read(new MemoryStream(bytes), "test.tar", options ?? new ArchiveReadOptions());

    [Fact]
    public void Reads_names_kinds_sizes_and_modes_from_ustar_headers()
    {
        var tree = Read(new TarBuilder().Directory("code/").File("code/inference.py", "print(1)", mode: 493).File("model.bin", "12345").End().ToGzip());

        Assert.True(tree.IsGzipCompressed);
        Assert.Empty(tree.SourceDiagnostics);
        Assert.Equal(["code/", "code/inference.py", "model.bin"], tree.Entries.Select(e => e.Path));
        Assert.Equal([EntryKind.Directory, EntryKind.File, EntryKind.File], tree.Entries.Select(e => e.Kind));
        Assert.Equal(8, tree.Entries[1].Size);
        Assert.Equal(493, tree.Entries[1].Mode);
        Assert.Equal(5, tree.Entries[2].Size);
    }

    [Fact]
    public void Joins_the_ustar_prefix_field_to_the_name()
    {
        var tree = Read(new TarBuilder().Entry("weights.bin"u8.ToArray(), '0', [1, 2], prefix: "very/deep/folder").End().ToArray());

        Assert.Equal("very/deep/folder/weights.bin", Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void Ignores_the_prefix_area_of_gnu_headers_which_holds_times_there()
    {
        var tree = Read(new TarBuilder().Entry("a.bin"u8.ToArray(), '0', [1], magic: "ustar  \0", prefix: "notaprefix").End().ToArray());

        Assert.Equal("a.bin", Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void Gnu_long_name_replaces_the_header_name()
    {
        var longName = string.Join('/', Enumerable.Repeat("directory", 20)) + "/file.bin";
        var tree = Read(new TarBuilder().GnuLongName(longName).File("truncated-name").End().ToArray());

        Assert.Equal(longName, Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void Pax_path_and_size_override_the_header()
    {
        // The ustar name is the PAX path cut to fit, as writers do; the size disagrees (MPK2020) and PAX wins, as in GNU tar.
        var tree = Read(new TarBuilder().Pax(("path", "pax/name.bin"), ("size", "3")).Entry("pax/na"u8.ToArray(), '0', [7, 8, 9], sizeField: TarBuilder.Octal(0, 12)).End().ToArray());

        var entry = Assert.Single(tree.Entries);
        Assert.Equal("pax/name.bin", entry.Path);
        Assert.Equal(3, entry.Size);
        Assert.Equal("MPK2020", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Base256_sizes_are_read_for_files_over_8_GiB()
    {
        // GNU tar writes sizes of 8 GiB and more in base-256; checked here on a small declared size with real data.
        var size = new byte[12];
        size[0] = 0x80;
        size[11] = 4;
        var tree = Read(new TarBuilder().Entry("big.bin"u8.ToArray(), '0', [1, 2, 3, 4], sizeField: size).End().ToArray());

        Assert.Equal(4, Assert.Single(tree.Entries).Size);
        Assert.Empty(tree.SourceDiagnostics);
    }

    [Fact]
    public void Negative_base256_size_is_a_malformed_header()
    {
        var size = Enumerable.Repeat((byte)0xFF, 12).ToArray();
        var tree = Read(new TarBuilder().Entry("neg.bin"u8.ToArray(), '0', [], sizeField: size).End().ToArray());

        Assert.Equal("MPK2014", Assert.Single(tree.SourceDiagnostics).Code);
        Assert.True(tree.IsIncomplete);
    }

    [Fact]
    public void Size_field_with_garbage_is_a_malformed_header()
    {
        var tree = Read(new TarBuilder().Entry("x.bin"u8.ToArray(), '0', [], sizeField: "00000000x12\0"u8.ToArray()).End().ToArray());

        Assert.Equal("MPK2014", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Wrong_header_checksum_stops_reading()
    {
        var tree = Read(new TarBuilder().File("good.bin").Entry("bad.bin"u8.ToArray(), '0', [1], badChecksum: true).File("after.bin").End().ToArray());

        Assert.Equal("MPK2014", Assert.Single(tree.SourceDiagnostics).Code);
        Assert.Equal(["good.bin"], tree.Entries.Select(e => e.Path));
    }

    [Fact]
    public void A_file_that_is_not_tar_at_all_is_reported_as_such()
    {
        var tree = Read(Encoding.ASCII.GetBytes(new string('x', 2048)));

        Assert.Equal("MPK9001", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Archive_cut_inside_member_data_is_truncated()
    {
        var full = new TarBuilder().File("weights.bin", new string('w', 3000)).End().ToArray();
        var cut = full[..(512 + 1000)];

        Assert.Equal("MPK2010", Assert.Single(Read(cut).SourceDiagnostics).Code);
        Assert.Equal("MPK2010", Assert.Single(Read(TarBuilder.Gzip(cut)).SourceDiagnostics).Code);
    }

    [Fact]
    public void Archive_cut_inside_a_header_is_truncated()
    {
        var full = new TarBuilder().File("a.bin").File("b.bin").End().ToArray();

        Assert.Equal("MPK2010", Assert.Single(Read(full[..(1024 + 100)]).SourceDiagnostics).Code);
    }

    [Fact]
    public void Extended_header_with_no_member_after_it_is_truncated()
    {
        Assert.Equal("MPK2010", Assert.Single(Read(new TarBuilder().Pax(("path", "x")).ToArray()).SourceDiagnostics).Code);
    }

    [Fact]
    public void Empty_input_is_truncated()
    {
        Assert.Equal("MPK2010", Assert.Single(Read([]).SourceDiagnostics).Code);
    }

    [Fact]
    public void Missing_end_of_archive_blocks_is_a_warning()
    {
        var tree = Read(new TarBuilder().File("a.bin").ToArray());

        Assert.Equal("MPK2018", Assert.Single(tree.SourceDiagnostics).Code);
        Assert.False(tree.IsIncomplete);
    }

    [Fact]
    public void Zero_padding_after_the_end_marker_is_normal()
    {
        var tree = Read(new TarBuilder().File("a.bin").End(20).ToGzip());

        Assert.Empty(tree.SourceDiagnostics);
    }

    [Fact]
    public void Non_zero_bytes_after_the_end_marker_are_a_hidden_payload()
    {
        var hidden = new TarBuilder().File("a.bin").End().Raw(new TarBuilder().File("payload.sh", "rm -rf /").End().ToArray()).ToGzip();

        var diagnostic = Assert.Single(Read(hidden).SourceDiagnostics);
        Assert.Equal("MPK2011", diagnostic.Code);
        Assert.Contains("offset 2048", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_pax_keys_conflict()
    {
        var tree = Read(new TarBuilder().Pax(("path", "one.bin"), ("path", "two.bin")).File("two.bin").End().ToArray());

        var diagnostic = Assert.Single(tree.SourceDiagnostics);
        Assert.Equal("MPK2009", diagnostic.Code);
        Assert.Equal("two.bin", diagnostic.Path);
    }

    [Fact]
    public void Pax_path_disagreeing_with_gnu_long_name_conflicts()
    {
        var tree = Read(new TarBuilder().GnuLongName("gnu/name.bin").Pax(("path", "pax/name.bin")).File("pax/name.bin").End().ToArray());

        Assert.Equal("MPK2009", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Two_gnu_long_names_for_one_member_conflict()
    {
        var tree = Read(new TarBuilder().GnuLongName("first.bin").GnuLongName("second.bin").File("x").End().ToArray());

        Assert.Equal("MPK2009", Assert.Single(tree.SourceDiagnostics).Code);
        Assert.Equal("second.bin", Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void Global_pax_header_that_sets_a_path_conflicts()
    {
        var tree = Read(new TarBuilder().GlobalPax(("path", "everything.bin")).File("a.bin").End().ToArray());

        Assert.Equal("MPK2009", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Pax_path_keeps_a_nul_byte_for_the_rules_to_see()
    {
        var tree = Read(new TarBuilder().PaxRaw(("path", "safe.bin\0../../etc/passwd"u8.ToArray())).File("x").End().ToArray());

        Assert.Contains('\0', Assert.Single(tree.Entries).Path);
    }

    [Fact]
    public void Malformed_pax_record_is_a_malformed_header()
    {
        var tree = Read(new TarBuilder().Entry("PaxHeader"u8.ToArray(), 'x', "99 path=x\n"u8.ToArray()).File("x").End().ToArray());

        Assert.Equal("MPK2014", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Oversized_extended_header_hits_the_limit()
    {
        var tree = Read(new TarBuilder().Pax(("comment", new string('c', 5000))).File("x").End().ToArray(), new ArchiveReadOptions { MaxExtendedHeaderBytes = 4096 });

        Assert.Equal("MPK2015", Assert.Single(tree.SourceDiagnostics).Code);
    }

    [Fact]
    public void Member_count_limit_stops_reading()
    {
        var builder = new TarBuilder();
        for (var i = 0; i < 10; i++)
        {
            builder.File($"f{i}");
        }

        var tree = Read(builder.End().ToArray(), new ArchiveReadOptions { MaxEntries = 5 });

        Assert.Equal("MPK2015", Assert.Single(tree.SourceDiagnostics).Code);
        Assert.Equal(5, tree.Entries.Count);
    }

    [Fact]
    public void Links_and_directories_do_not_carry_data_whatever_their_size_field_says()
    {
        // Python's tarfile reads no data for a hard link; the declared size is kept for MPK2005.
        var tree = Read(new TarBuilder().File("a.bin").HardLink("b.bin", "a.bin", declaredSize: 100).File("c.bin").End().ToArray());

        Assert.Empty(tree.SourceDiagnostics);
        Assert.Equal(["a.bin", "b.bin", "c.bin"], tree.Entries.Select(e => e.Path));
        Assert.Equal(100, tree.Entries[1].DeclaredDataSize);
    }

    [Fact]
    public void Invalid_utf8_names_are_flagged_not_reinterpreted()
    {
        var tree = Read(new TarBuilder().Entry([0x63, 0x61, 0x66, 0xE9], '0', [1]).End().ToArray()); // "caf\xe9" in Latin-1

        var entry = Assert.Single(tree.Entries);
        Assert.True(entry.HasInvalidUtf8);
        Assert.Equal(@"caf\xe9", ModelPackTools.Diagnostics.RawNameText.Display(entry.Path));
    }

    [Fact]
    public void Old_gnu_sparse_members_and_their_extension_blocks_are_skipped()
    {
        var sparse = new TarBuilder().Entry("sparse.bin"u8.ToArray(), 'S', [1, 2, 3], magic: "ustar  \0", patch: h => h[482] = 1).ToArray();
        var extension = new byte[512]; // one extension block, isextended = 0
        var bytes = new TarBuilder().Raw(sparse[..512]).Raw(extension).Raw(sparse[512..]).File("after.bin").End().ToArray();

        var tree = Read(bytes);

        Assert.Empty(tree.SourceDiagnostics);
        Assert.Equal([EntryKind.Sparse, EntryKind.File], tree.Entries.Select(e => e.Kind));
    }
}
