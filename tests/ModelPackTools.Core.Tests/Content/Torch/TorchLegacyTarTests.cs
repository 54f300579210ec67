using System.Buffers.Binary;
using ModelPackTools.Content;
using ModelPackTools.Core.Tests.Support;
using ModelPackTools.Engine;
using ModelPackTools.Extraction;

namespace ModelPackTools.Core.Tests.Content.Torch;

/// <summary>
/// torch's legacy tar (torch/serialization.py `legacy_load`: members `storages`, `tensors`, `pickle`), built byte by
/// byte: every pickle in the three members is judged, the raw bytes between them are skipped by their sizes, and a
/// tar that does not add up fails closed.
/// </summary>
public sealed class TorchLegacyTarTests
{
    /// <summary>The storage count, one (key, location, torch.FloatStorage) record with 2 float32s, then the views list.</summary>
    private static byte[] Storages(byte[]? views = null) =>
    [
        .. PickleBuilder.Proto(2).Int(1).Stop(),
        .. PickleBuilder.Proto(2).Mark().Unicode("s0").Unicode("cpu").Global("torch", "FloatStorage").Op((byte)'t').Stop(),
        .. Int64(2), .. new byte[8],
        .. views ?? PickleBuilder.Proto(2).Op((byte)']').Stop(),
    ];

    /// <summary>The tensor count, one (key, storage id, torch.FloatTensor) record, its ndim 1, padding, size, stride and offset.</summary>
    private static byte[] Tensors =>
    [
        .. PickleBuilder.Proto(2).Int(1).Stop(),
        .. PickleBuilder.Proto(2).Mark().Unicode("t0").Unicode("s0").Global("torch", "FloatTensor").Op((byte)'t').Stop(),
        1, 0, 0, 0, 0, 0, 0, 0, .. Int64(2), .. Int64(1), .. Int64(0),
    ];

    /// <summary>OrderedDict(weight=persistent id 't0'): what the legacy `pickle` member held for a state dict.</summary>
    private static byte[] ObjectPickle =>
        PickleBuilder.Proto(2).Global("collections", "OrderedDict").EmptyTuple().Reduce().Unicode("weight").Unicode("t0").Op((byte)'Q').Op((byte)'s').Stop();

    private static byte[] OsSystem => PickleBuilder.Proto(2).Global("os", "system").Unicode("id").Tuple1().Reduce().Stop();

    private static byte[] SysInfo => PickleBuilder.Proto(2).EmptyDict().Stop();

    private static byte[] LegacyTar(byte[]? storages = null, byte[]? tensors = null, byte[]? pickle = null) =>
        new TarBuilder().Add("sys_info", SysInfo).Add("pickle", pickle ?? ObjectPickle).Add("tensors", tensors ?? Tensors).Add("storages", storages ?? Storages()).Build();

    [Fact]
    public void A_legacy_tar_with_the_imports_torch_writes_passes()
    {
        Assert.Empty(PickleBuilder.Scan("model.pth", LegacyTar()));
    }

    [Fact]
    public void A_payload_in_the_pickle_member_is_refused_at_its_offset_in_the_file()
    {
        var finding = Assert.Single(PickleBuilder.Scan("model.pth", LegacyTar(pickle: OsSystem)));

        Assert.Equal("MPK4002", finding.Code);
        int offset = 512 + 512 + 512 + 2; // sys_info's header and block, pickle's header, PROTO 2
        Assert.Equal($"pickle imports 'os.system' at byte {offset}: runs processes (in the legacy torch tar's 'pickle' member)", finding.Message);
    }

    [Fact]
    public void A_payload_in_the_storages_member_after_the_raw_bytes_is_refused()
    {
        var finding = Assert.Single(PickleBuilder.Scan("model.pth", LegacyTar(storages: Storages(views: OsSystem))));

        Assert.Equal("MPK4002", finding.Code);
        Assert.EndsWith("(in the legacy torch tar's 'storages' member)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_type_that_is_a_payload_is_refused_and_fails_closed()
    {
        byte[] storages = [.. PickleBuilder.Proto(2).Int(1).Stop(), .. PickleBuilder.Proto(2).Mark().Unicode("s0").Unicode("cpu").Global("os", "system").Op((byte)'t').Stop()];

        Assert.Equal(["MPK4002", "MPK4003"], PickleBuilder.Scan("model.pth", LegacyTar(storages: storages)).Select(f => f.Code));
    }

    [Fact]
    public void A_payload_in_a_tensors_record_is_refused()
    {
        byte[] tensors = [.. PickleBuilder.Proto(2).Int(1).Stop(), .. PickleBuilder.Proto(2).Mark().Unicode("t0").Unicode("s0").Global("subprocess", "Popen").Op((byte)'t').Stop(), 0, 0, 0, 0, 0, 0, 0, 0, .. Int64(0)];

        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.pth", LegacyTar(tensors: tensors)).Select(f => f.Code));
    }

    [Theory]
    [InlineData(100)] // inside the last member's data
    [InlineData(1024 + 300)] // inside the pickle member's header
    public void A_truncated_legacy_tar_fails_closed(int cut)
    {
        var tar = LegacyTar();
        int storagesEnd = tar.Length - 1024 - 512 + Storages().Length; // the zero blocks, the last block's padding

        Assert.Equal(["MPK4003"], PickleBuilder.Scan("model.pth", tar[..(cut < 1000 ? storagesEnd - cut : cut)]).Select(f => f.Code));
    }

    [Fact]
    public void A_storage_whose_element_count_runs_past_its_member_fails_closed()
    {
        byte[] storages = [.. PickleBuilder.Proto(2).Int(1).Stop(), .. PickleBuilder.Proto(2).Mark().Unicode("s0").Unicode("cpu").Global("torch", "FloatStorage").Op((byte)'t').Stop(), .. Int64(1 << 30)];

        var finding = Assert.Single(PickleBuilder.Scan("model.pth", LegacyTar(storages: storages)));

        Assert.Equal("MPK4003", finding.Code);
        Assert.Contains("element count runs past the end", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_count_past_what_any_model_holds_fails_closed()
    {
        byte[] storages = [.. PickleBuilder.Proto(2).Int(1L << 30).Stop()];

        var finding = Assert.Single(PickleBuilder.Scan("model.pth", LegacyTar(storages: storages)));

        Assert.Equal("MPK4003", finding.Code);
        Assert.Contains("more than the", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_after_the_storage_views_fails_closed()
    {
        Assert.Equal(["MPK4003"], PickleBuilder.Scan("model.pth", LegacyTar(storages: [.. Storages(), .. OsSystem])).Select(f => f.Code));
    }

    [Fact]
    public void A_header_with_a_wrong_checksum_fails_closed()
    {
        var tar = new TarBuilder().Add("pickle", ObjectPickle).Add("storages", Storages(), badChecksum: true).Build();

        var finding = Assert.Single(PickleBuilder.Scan("model.pth", tar));

        Assert.Equal("MPK4003", finding.Code);
        Assert.Contains("checksum", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pax_path_that_renames_a_member_to_pickle_is_followed()
    {
        var tar = new TarBuilder().PaxPath("pickle").Add("harmless.txt", OsSystem).Build();

        var finding = Assert.Single(PickleBuilder.Scan("notes.tar", tar));

        Assert.Equal("MPK4002", finding.Code);
        Assert.EndsWith("(in the legacy torch tar's 'pickle' member)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_pax_headers_before_one_member_fail_closed()
    {
        // tarfile applies the outer header last ("pickle"), a reader that takes the inner one sees "harmless.txt".
        var tar = new TarBuilder().PaxPath("pickle").PaxPath("harmless.txt").Add("x", OsSystem).Build();

        var finding = Assert.Single(PickleBuilder.Scan("model.pth", tar));

        Assert.Equal("MPK4003", finding.Code);
        Assert.Contains("two pax or long-name headers", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_twice_or_a_link_named_pickle_fails_closed()
    {
        var twice = new TarBuilder().Add("pickle", ObjectPickle).Add("pickle", OsSystem).Build();
        var link = new TarBuilder().Add("evil", OsSystem).Add("pickle", [], type: (byte)'1').Build();

        Assert.Contains("MPK4003", PickleBuilder.Scan("model.pth", twice).Select(f => f.Code));
        Assert.Equal(["MPK4003"], PickleBuilder.Scan("model.pth", link).Select(f => f.Code));
    }

    [Fact]
    public void A_tar_without_torch_members_is_not_judged_nor_claimed()
    {
        var tar = new TarBuilder().Add("README.txt", "hello\n"u8.ToArray()).Build();
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Write("m/data.tar"), tar);

        var report = ModelChecker.Check(temp.Combine("m"), new CheckSettings()).Report;

        Assert.Empty(report.Diagnostics);
        Assert.Equal(["data.tar"], report.Content!.NotScanned);
    }

    [Fact]
    public void A_folders_legacy_tar_is_read_at_random_and_counted_by_the_torch_tar_scanner()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Write("m/model.pth"), LegacyTar(storages: Storages(views: OsSystem)));

        var report = ModelChecker.Check(temp.Combine("m"), new CheckSettings()).Report;

        Assert.Equal(["MPK4002"], report.Diagnostics.Select(d => d.Code));
        Assert.Equal(1, report.Content!.Scanners.Single(s => s.Name == "torch-tar").Files);
        Assert.Empty(report.Content.NotScanned);
    }

    private static byte[] Int64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }
}
