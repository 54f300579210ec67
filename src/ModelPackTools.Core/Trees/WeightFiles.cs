namespace ModelPackTools.Trees;

/// <summary>
/// File names in the common weight formats, for rules that ask "is a model here" without reading bytes: the profile
/// rules (weights under code/, a code/-only archive) and the LMI check of a serving.properties' folder.
/// </summary>
internal static class WeightFiles
{
    private static readonly string[] Suffixes = [".pt", ".pth", ".bin", ".safetensors", ".ckpt", ".onnx", ".gguf"];

    public static bool IsWeights(string name) => Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
