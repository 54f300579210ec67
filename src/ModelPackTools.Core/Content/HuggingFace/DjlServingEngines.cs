namespace ModelPackTools.Content.HuggingFace;

/// <summary>
/// The values serving.properties' `engine` may take: the names DJL's Engine.getEngine finds (a case-sensitive map
/// of the EngineProviders on the class path). LMI registers Python, MPI and DeepSpeed (deepjavalibrary/djl-serving
/// engines/python/src/main/resources/META-INF/services/ai.djl.engine.EngineProvider: PyEngineProvider,
/// MpiEngineProvider, its DsEngineProvider), djl-serving adds TritonServer and Java (engines/tritonserver,
/// engines/java), and the names ModelInfo.inferEngine answers for model files are DJL's own engines (PyTorch,
/// TensorFlow, MXNet, OnnxRuntime, TensorRT, TFLite, PaddlePaddle, XGBoost, Llama), with LightGBM and Rust (the
/// tokenizers' engine) from DJL's engine list.
/// </summary>
internal static class DjlServingEngines
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "Python", "MPI", "DeepSpeed", "PyTorch", "OnnxRuntime", "TensorFlow", "MXNet", "PaddlePaddle", "TFLite",
        "TensorRT", "XGBoost", "LightGBM", "Rust", "Llama", "TritonServer", "Java",
    ];

    public static bool IsKnown(string engine) => Names.Contains(engine, StringComparer.Ordinal);

    /// <summary>The engine a misspelt value most likely meant: the same name in another case or without blanks, "ONNX".</summary>
    public static string? Meant(string engine)
    {
        var trimmed = engine.Trim();
        if (string.Equals(trimmed, "onnx", StringComparison.OrdinalIgnoreCase))
        {
            return "OnnxRuntime";
        }

        return Names.FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
