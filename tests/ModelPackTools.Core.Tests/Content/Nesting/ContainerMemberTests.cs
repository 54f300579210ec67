using System.Text;

namespace ModelPackTools.Core.Tests.Content.Nesting;

/// <summary>
/// Zip members judged by what they are: `.npz` arrays as `.npy` files, a `.keras` config.json for code, a zip in a
/// zip scanned one level deeper, and a pickle/zip polyglot refused.
/// </summary>
public sealed class ContainerMemberTests
{
    [Fact]
    public void An_npz_member_of_object_dtype_is_judged_as_an_npy_file()
    {
        byte[] npz = new ZipBuilder()
            .Add("weights.npy", ModelFiles.Npy("'<f4'", new byte[8]))
            .Add("labels.npy", ModelFiles.Npy("'|O'", ModelFiles.OsSystemGlobal))
            .Build();

        var findings = PickleBuilder.Scan("model.npz", npz);

        Assert.Equal(["MPK4008", "MPK4002"], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.EndsWith("(in labels.npy)", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_npz_of_plain_arrays_passes()
    {
        byte[] npz = new ZipBuilder().Add("a.npy", ModelFiles.Npy("'<f8'", new byte[16])).Add("b.npy", ModelFiles.Npy("'<i8'", new byte[16])).Build();

        Assert.Empty(PickleBuilder.Scan("model.npz", npz));
    }

    [Fact]
    public void A_raw_pickle_member_of_an_npz_is_scanned()
    {
        byte[] npz = new ZipBuilder().Add("a.npy", ModelFiles.Npy("'<f8'", new byte[16])).Add("extra.pkl", ModelFiles.OsSystemGlobal).Build();

        Assert.Equal(["MPK4002"], PickleBuilder.Scan("model.npz", npz).Select(f => f.Code));
    }

    [Fact]
    public void A_keras_file_with_a_lambda_layer_is_refused()
    {
        // CVE-2025-8747's shape: a Lambda whose function is a Keras function named by module and name.
        const string config = """
            {"module": "keras", "class_name": "Sequential", "config": {"layers": [
              {"module": "keras.layers", "class_name": "Lambda", "config": {"name": "l",
                "function": {"module": "keras.models", "class_name": "function", "config": "load_model", "registered_name": "function"}}}]}}
            """;

        var findings = PickleBuilder.Scan("model.keras", Keras(config));

        Assert.Equal(["MPK4012", "MPK4012"], findings.Select(f => f.Code));
        Assert.Contains("'Lambda' object", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keras_config_importing_another_module_is_refused()
    {
        const string config = """{"module": "os", "class_name": "system", "config": {}}""";

        var finding = Assert.Single(PickleBuilder.Scan("model.keras", Keras(config)));

        Assert.Equal(("MPK4012", "Keras config.json: $ imports module 'os', which is not Keras"), (finding.Code, finding.Message));
    }

    [Fact]
    public void A_plain_keras_model_passes()
    {
        const string config = """
            {"module": "keras", "class_name": "Sequential", "config": {"name": "s", "layers": [
              {"module": "keras.layers", "class_name": "Dense", "config": {"units": 4,
                "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "config": {"seed": null}},
                "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}}}}]}}
            """;

        Assert.Empty(PickleBuilder.Scan("model.keras", Keras(config)));
    }

    [Fact]
    public void A_torch_zip_inside_a_zip_is_scanned_one_level_deeper()
    {
        byte[] inner = ZipBuilder.Torch(ModelFiles.OsSystemGlobal).Build();
        byte[] outer = new ZipBuilder().Add("models/inner.pt", inner).Build();

        var finding = Assert.Single(PickleBuilder.Scan("bundle.zip", outer));

        Assert.Equal("MPK4002", finding.Code);
        Assert.EndsWith("(in archive/data.pkl) (in the member models/inner.pt)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pickle_with_a_zip_after_it_is_refused_as_a_pickle_with_data_after_stop()
    {
        // A polyglot: pickle.load reads the pickle, a zip reader working from the end finds the torch zip.
        byte[] polyglot = [.. PickleBuilder.Proto(2).Op((byte)'N').Stop(), .. ZipBuilder.Torch(ModelFiles.TorchStateDict, "0").Build()];

        var codes = PickleBuilder.Scan("model.pt", polyglot).Select(f => f.Code);

        Assert.Contains("MPK4003", codes);
    }

    private static byte[] Keras(string config) => new ZipBuilder()
        .Add("metadata.json", """{"keras_version": "3.10.0"}"""u8.ToArray())
        .Add("config.json", Encoding.UTF8.GetBytes(config))
        .Add("model.weights.h5", new byte[16])
        .Build();
}
