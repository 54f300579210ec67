namespace ModelPackTools.Content.Triton;

/// <summary>
/// The file (or folder) each Triton backend loads from a model's version folder when config.pbtxt names no
/// `default_model_filename` (triton-inference-server/server docs/user_guide/model_repository.md, "Model Files":
/// model.plan, model.onnx, model.pt, model.xml, model.py, model.dali; TensorFlow's model.graphdef and the
/// model.savedmodel folder; the FIL backend's xgboost.model, xgboost.json, model.txt or checkpoint.tl by model_type,
/// triton-inference-server/fil_backend README; the vLLM backend's model.json, triton-inference-server/vllm_backend).
/// </summary>
internal static class TritonBackendFiles
{
    private static readonly Dictionary<string, string[]> ByPlatform = new(StringComparer.Ordinal)
    {
        ["tensorrt_plan"] = ["model.plan"],
        ["onnxruntime_onnx"] = ["model.onnx"],
        ["pytorch_libtorch"] = ["model.pt"],
        ["tensorflow_graphdef"] = ["model.graphdef"],
        ["tensorflow_savedmodel"] = ["model.savedmodel"],
    };

    private static readonly Dictionary<string, string[]> ByBackend = new(StringComparer.Ordinal)
    {
        ["tensorrt"] = ["model.plan"],
        ["onnxruntime"] = ["model.onnx"],
        ["pytorch"] = ["model.pt"],
        ["tensorflow"] = ["model.savedmodel", "model.graphdef"],
        ["openvino"] = ["model.xml"],
        ["python"] = ["model.py"],
        ["dali"] = ["model.dali"],
        ["fil"] = ["xgboost.model", "xgboost.json", "model.txt", "checkpoint.tl"],
        ["vllm"] = ["model.json"],
    };

    /// <summary>
    /// The names any one of which the backend loads, with the backend's name for messages; null when the configuration
    /// does not say (no platform or backend, an ensemble, a backend not listed) or lets something else decide the file
    /// (TensorRT's per-GPU cc_model_filenames).
    /// </summary>
    public static (string Backend, IReadOnlyList<string> Files)? Expected(string? platform, string? backend, string? defaultModelFilename, bool perGpuFilenames)
    {
        var named = platform is not null && ByPlatform.ContainsKey(platform) ? platform : backend;
        if (named is null || perGpuFilenames)
        {
            return null;
        }

        if (!ByPlatform.TryGetValue(named, out var files) && !ByBackend.TryGetValue(named, out files))
        {
            return null; // a custom backend reads what it likes, default_model_filename included or not
        }

        return (named, defaultModelFilename is { Length: > 0 } ? [defaultModelFilename] : files);
    }
}
