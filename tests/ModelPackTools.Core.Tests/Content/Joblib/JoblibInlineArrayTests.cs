namespace ModelPackTools.Core.Tests.Content.Joblib;

/// <summary>
/// joblib pickles that go on after inline array buffers: the scan skips exactly the array's bytes (here made of '.',
/// STOP, so a scanner that read them as opcodes would stop early and miss what follows) and keeps scanning.
/// </summary>
public sealed class JoblibInlineArrayTests
{
    [Fact]
    public void A_scikit_learn_estimator_dumped_by_joblib_with_an_inline_array_passes()
    {
        Assert.Empty(PickleBuilder.Scan("model.joblib", JoblibFiles.LinearRegression()));
    }

    [Fact]
    public void The_stream_after_the_array_is_still_scanned()
    {
        byte[] file = PickleBuilder.Proto(4).Mark().Raw(JoblibFiles.Wrapper("f8", 2, -1)).Raw(JoblibFiles.ArrayBytes(16))
            .StackGlobal("os", "system").Text("id").Tuple1().Reduce().Op((byte)'l').Stop();

        var finding = Assert.Single(PickleBuilder.Scan("model.joblib", file));

        Assert.Equal("MPK4002", finding.Code);
        Assert.Contains("'os.system'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrapper_from_joblib_before_1_2_has_no_padding_byte()
    {
        byte[] file = PickleBuilder.Proto(4).Mark().Raw(JoblibFiles.Wrapper("i4", 2, -1, alignment: false)).Raw(new byte[8])
            .Op((byte)'l').Stop();

        Assert.Empty(PickleBuilder.Scan("model.joblib", file));
    }

    [Fact]
    public void A_unicode_array_uses_the_item_size_of_its_state()
    {
        // np.dtype('U3') pickles elsize 12 in its state.
        byte[] file = PickleBuilder.Proto(4).Mark().Raw(JoblibFiles.Wrapper("U3", 2, 12)).Raw(JoblibFiles.ArrayBytes(24))
            .Op((byte)'l').Stop();

        Assert.Empty(PickleBuilder.Scan("model.joblib", file));
    }

    [Fact]
    public void An_object_array_is_a_pickle_of_its_own_and_is_scanned()
    {
        byte[] file = PickleBuilder.Proto(4).Mark().Raw(JoblibFiles.Wrapper("O8", 2, -1)).Raw(ModelFiles.OsSystemGlobal)
            .Op((byte)'l').Stop();

        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.joblib", file).Select(f => f.Code));
    }

    [Fact]
    public void An_array_cut_short_fails_closed()
    {
        byte[] file = PickleBuilder.Proto(4).Mark().Raw(JoblibFiles.Wrapper("f8", 1000, -1)).Raw(JoblibFiles.ArrayBytes(16)).Stop();

        var finding = Assert.Single(PickleBuilder.Scan("model.joblib", file));

        Assert.Equal("MPK4003", finding.Code);
        Assert.Contains("inside a joblib array", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_joblib_loader_itself_is_not_allowed_by_its_module()
    {
        byte[] file = PickleBuilder.Proto(4).StackGlobal("joblib.numpy_pickle", "load").Text("/tmp/x").Tuple1().Reduce().Stop();

        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.joblib", file).Select(f => f.Code));
    }
}
