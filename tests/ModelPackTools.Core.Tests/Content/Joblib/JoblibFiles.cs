namespace ModelPackTools.Core.Tests.Content.Joblib;

/// <summary>
/// joblib.dump's uncompressed format (joblib/numpy_pickle.py, protocol 4): each numpy array is pickled as a
/// NumpyArrayWrapper whose BUILD is followed by a padding-length byte, that many 0xff bytes, and the raw array bytes.
/// </summary>
internal static class JoblibFiles
{
    /// <summary>A fitted sklearn LinearRegression whose coef_ is a float64 array of <paramref name="length"/> values, inline.</summary>
    public static byte[] LinearRegression(int length = 3, string estimatorModule = "sklearn.linear_model._base") =>
        PickleBuilder.Proto(4).StackGlobal(estimatorModule, "LinearRegression").EmptyTuple().NewObj()
            .EmptyDict().Mark()
            .Text("fit_intercept").Op(0x88)
            .Text("coef_").Raw(Wrapper("f8", length, -1)).Raw(ArrayBytes(length * 8))
            .Text("_sklearn_version").Text("1.5.2")
            .SetItems().Build().Stop();

    /// <summary>The wrapper and its state, up to and including its BUILD (what read_array follows).</summary>
    public static byte[] Wrapper(string typestr, int length, long elsize, bool alignment = true)
    {
        var wrapper = PickleBuilder.Proto(4).StackGlobal("joblib.numpy_pickle", "NumpyArrayWrapper").EmptyTuple().NewObj()
            .EmptyDict().Mark()
            .Text("subclass").StackGlobal("numpy", "ndarray")
            .Text("shape").Int(length).Tuple1()
            .Text("order").Text("C")
            .Text("dtype").StackGlobal("numpy", "dtype").Text(typestr).Op(0x89, 0x88, 0x87).Reduce()
            .Mark().Int(3).Text("<").Op((byte)'N', (byte)'N', (byte)'N').Raw(Int32(elsize)).Raw(Int32(-1)).Int(0).Op((byte)'t').Build()
            .Text("allow_mmap").Op(0x88);
        if (alignment)
        {
            wrapper.Text("numpy_array_alignment_bytes").Int(16);
        }

        return wrapper.SetItems().Build().ToArray()[2..]; // without the PROTO: it goes inside another pickle
    }

    /// <summary>Padding byte (3) and padding, then <paramref name="length"/> bytes of array data.</summary>
    public static byte[] ArrayBytes(int length) => [3, 0xff, 0xff, 0xff, .. Enumerable.Repeat((byte)'.', length)];

    private static byte[] Int32(long value) => [(byte)'J', (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
