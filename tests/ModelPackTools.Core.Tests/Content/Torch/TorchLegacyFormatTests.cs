namespace ModelPackTools.Core.Tests.Content.Torch;

/// <summary>torch's legacy stacked pickles: the benign state dict passes, a payload or a missing storage key does not.</summary>
public sealed class TorchLegacyFormatTests
{
    [Fact]
    public void A_legacy_state_dict_with_the_imports_torch_writes_passes()
    {
        byte[] file = TorchLegacyFiles.File(TorchLegacyFiles.StateDict("94345"), TorchLegacyFiles.Keys("94345"));

        Assert.Empty(PickleBuilder.Scan("model.pth", file));
    }

    [Fact]
    public void A_payload_in_the_legacy_object_pickle_is_refused_and_located()
    {
        byte[] file = TorchLegacyFiles.File(TorchLegacyFiles.StateDict("1", "os", "system"), TorchLegacyFiles.Keys("1"));

        var finding = Assert.Single(PickleBuilder.Scan("model.pth", file));

        Assert.Equal("MPK4002", finding.Code);
        int offset = TorchLegacyFiles.Magic.Length + TorchLegacyFiles.ProtocolVersion.Length + TorchLegacyFiles.SysInfo.Length + 40; // PROTO, GLOBAL collections.OrderedDict, EMPTY_TUPLE, REDUCE, BINUNICODE "weight"
        Assert.Equal($"pickle imports 'os.system' at byte {offset}: runs processes (in the legacy torch file's object pickle)", finding.Message);
    }

    [Fact]
    public void A_storage_key_missing_from_the_key_list_is_refused()
    {
        byte[] file = TorchLegacyFiles.File(TorchLegacyFiles.StateDict("1"), TorchLegacyFiles.Keys("2"));

        Assert.Equal(["MPK4007"], PickleBuilder.Scan("model.pth", file).Select(f => f.Code));
    }

    [Fact]
    public void A_legacy_file_cut_inside_its_pickles_fails_closed()
    {
        byte[] file = TorchLegacyFiles.File(TorchLegacyFiles.StateDict("1"), TorchLegacyFiles.Keys("1"));

        Assert.Equal(["MPK4003"], PickleBuilder.Scan("model.pth", file[..^40]).Select(f => f.Code));
    }

    [Fact]
    public void A_pickled_tensor_whose_storage_is_legacy_bytes_for_load_from_bytes_passes()
    {
        // torch/storage.py __reduce__: (torch.storage._load_from_bytes, (legacy torch.save bytes of the storage,)).
        byte[] storage = TorchLegacyFiles.File(
            PickleBuilder.Proto(2).Mark().Unicode("storage").Global("torch", "FloatStorage").Unicode("7").Unicode("cpu").Int(2).Op((byte)'N').Op((byte)'t').Op((byte)'Q').Stop(),
            TorchLegacyFiles.Keys("7"));
        byte[] file = PickleBuilder.Proto(3).Global("torch.storage", "_load_from_bytes").Bytes(storage).Tuple1().Reduce().Stop();

        Assert.Empty(PickleBuilder.Scan("tensor.pkl", file));
    }
}
