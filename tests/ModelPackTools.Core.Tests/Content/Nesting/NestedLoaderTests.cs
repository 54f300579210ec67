namespace ModelPackTools.Core.Tests.Content.Nesting;

/// <summary>
/// Loaders that unpickle their argument (pickle.loads, torch.storage._load_from_bytes ...) called from inside a pickle:
/// accepted only where the bytes are a constant of the stream, and then those bytes are scanned, recursively.
/// </summary>
public sealed class NestedLoaderTests
{
    [Fact]
    public void Pickle_loads_of_constant_bytes_that_call_os_system_is_refused_for_the_inner_import()
    {
        byte[] file = Loads("pickle", "loads", ModelFiles.OsSystemGlobal);

        var finding = Assert.Single(PickleBuilder.Scan("model.pkl", file));

        Assert.Equal("MPK4002", finding.Code);
        int reduce = file.Length - 2; // the REDUCE before STOP is the call
        Assert.Equal($"pickle imports 'os.system' at byte 0: runs processes (in the bytes pickle.loads unpickles at byte {reduce})", finding.Message);
    }

    [Fact]
    public void Pickle_loads_of_a_benign_constant_pickle_passes()
    {
        byte[] inner = PickleBuilder.Proto(2).Global("collections", "OrderedDict").EmptyTuple().Reduce().Stop();

        Assert.Empty(PickleBuilder.Scan("model.pkl", Loads("_pickle", "loads", inner)));
    }

    [Fact]
    public void Pickle_loads_of_bytes_the_stream_computes_is_refused()
    {
        // pickle.loads(bytes.fromhex('...')): the argument is a call's result, not a constant the scan can read.
        byte[] file = PickleBuilder.Proto(4).StackGlobal("pickle", "loads")
            .StackGlobal("builtins", "bytes").Text("fromhex").Op(0x86).Reduce().Text("80").Tuple1().Reduce()
            .Tuple1().Reduce().Stop();

        var codes = PickleBuilder.Scan("model.pkl", file).Select(f => (f.Code, f.Message.Split('\'')[1]));

        Assert.Contains(("MPK4002", "pickle.loads"), codes);
    }

    [Fact]
    public void Protocol_2_bytes_written_as_codecs_encode_are_scanned()
    {
        // Lib/pickle.py save_bytes below protocol 3: _codecs.encode(text, 'latin1').
        string inner = System.Text.Encoding.Latin1.GetString(ModelFiles.OsSystemGlobal);
        byte[] file = PickleBuilder.Proto(2).Global("pickle", "loads")
            .Global("_codecs", "encode").Unicode(inner).Unicode("latin1").Op(0x86).Reduce()
            .Tuple1().Reduce().Stop();

        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.pkl", file).Select(f => f.Code));
    }

    [Fact]
    public void Torch_load_from_bytes_of_a_torch_zip_scans_the_zip()
    {
        byte[] zip = ZipBuilder.Torch(ModelFiles.Latin1("csubprocess\nPopen\n(S'id'\ntR.")).Build();
        byte[] file = Loads("torch.storage", "_load_from_bytes", zip);

        var finding = Assert.Single(PickleBuilder.Scan("model.pkl", file));

        Assert.Equal("MPK4002", finding.Code);
        Assert.Contains("'subprocess.Popen'", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(in archive/data.pkl) (in the bytes torch.storage._load_from_bytes unpickles at byte {file.Length - 2})", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loaders_of_a_file_name_stay_refused_even_with_constant_bytes()
    {
        // numpy.load(b'/tmp/x.npy') opens the path: what it loads is not in the stream.
        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.pkl", Loads("numpy", "load", "/tmp/x.npy"u8.ToArray())).Select(f => f.Code));
        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.pkl", Loads("joblib.numpy_pickle", "load", "/tmp/x"u8.ToArray())).Select(f => f.Code));
    }

    [Fact]
    public void Nesting_past_the_depth_limit_is_refused()
    {
        byte[] file = PickleBuilder.Proto(2).Global("collections", "OrderedDict").EmptyTuple().Reduce().Stop();
        for (int i = 0; i < 7; i++)
        {
            file = Loads("pickle", "loads", file);
        }

        var finding = Assert.Single(PickleBuilder.Scan("model.pkl", file));

        Assert.Equal("MPK4010", finding.Code);
    }

    /// <summary>Protocol 3: GLOBAL module.name, BINBYTES payload, TUPLE1, REDUCE, STOP.</summary>
    private static byte[] Loads(string module, string name, byte[] payload) =>
        PickleBuilder.Proto(3).Global(module, name).Bytes(payload).Tuple1().Reduce().Stop();
}
