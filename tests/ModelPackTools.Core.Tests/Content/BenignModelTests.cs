namespace ModelPackTools.Core.Tests.Content;

/// <summary>Real-shaped benign files, so nothing false-alarms: an XGBoost scikit-learn wrapper, a NumPy array pickle.</summary>
public sealed class BenignModelTests
{
    [Fact]
    public void An_xgboost_sklearn_wrapper_pickle_passes()
    {
        // pickle.dumps(XGBClassifier fitted), protocol 4: the wrapper's __dict__, its Booster whose __getstate__ keeps
        // the model as bytearray(raw), and classes_ as a NumPy array (numpy.core.multiarray._reconstruct + BUILD).
        byte[] raw = [(byte)'{', (byte)'L', 0, 0, 0, 0, 0, 0, 0, 7, (byte)'}'];
        byte[] file = PickleBuilder.Proto(4).StackGlobal("xgboost.sklearn", "XGBClassifier").EmptyTuple().NewObj()
            .EmptyDict().Mark()
            .Text("n_estimators").Int(10)
            .Text("objective").Text("binary:logistic")
            .Text("_Booster").StackGlobal("xgboost.core", "Booster").EmptyTuple().NewObj()
                .EmptyDict().Mark().Text("handle").StackGlobal("builtins", "bytearray").Bytes(raw).Tuple1().Reduce().SetItems().Build()
            .Text("n_classes_").Int(2)
            .Text("classes_").Raw(NumpyArray())
            .SetItems().Build().Stop();

        Assert.Empty(PickleBuilder.Scan("model.pkl", file));
    }

    /// <summary>ndarray.__reduce__: _reconstruct(ndarray, (0,), b'b'), then BUILD (1, shape, dtype, is_fortran, data).</summary>
    private static byte[] NumpyArray() => new PickleBuilder()
        .StackGlobal("numpy.core.multiarray", "_reconstruct").StackGlobal("numpy", "ndarray").Int(0).Tuple1().Op((byte)'C', 1, (byte)'b').Op(0x87).Reduce()
        .Mark().Int(1).Int(2).Tuple1()
        .StackGlobal("numpy", "dtype").Text("i8").Op(0x89, 0x88, 0x87).Reduce()
        .Mark().Int(3).Text("<").Op((byte)'N', (byte)'N', (byte)'N').Op((byte)'J', 0xff, 0xff, 0xff, 0xff).Op((byte)'J', 0xff, 0xff, 0xff, 0xff).Int(0).Op((byte)'t').Build()
        .Op(0x89).Bytes(new byte[16]).Op((byte)'t').Build()
        .ToArray();
}
