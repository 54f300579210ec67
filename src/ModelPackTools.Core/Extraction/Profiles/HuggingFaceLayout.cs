using ModelPackTools.Trees;

namespace ModelPackTools.Extraction.Profiles;

/// <summary>What marks a tree as a Hugging Face, TGI or LMI model, shared by inference and the rules.</summary>
internal static class HuggingFaceLayout
{
    /// <summary>
    /// LMI / DJL Serving's serving.properties, at the root or in a top-level model folder (deepjavalibrary/djl-serving
    /// serves /opt/ml/model as its model store); null when there is none.
    /// </summary>
    public static VirtualNode? ServingProperties(VirtualFileSystem tree) => ContainerMarkers.AtRootOrOneDown(tree, ContainerMarkers.ServingProperties);

    /// <summary>
    /// A transformers folder as `save_pretrained` writes it: config.json beside weights in a transformers file name
    /// or a tokenizer. config.json alone says nothing (many tools write one).
    /// </summary>
    public static VirtualNode? TransformersConfig(VirtualFileSystem tree)
    {
        var root = tree.Root.Children!;
        if (!root.TryGetValue("config.json", out var config) || !config.IsFile)
        {
            return null;
        }

        return root.Values.Any(n => n.IsFile && IsTransformersFile(n.Name)) ? config : null;
    }

    private static bool IsTransformersFile(string name) =>
        name is "model.safetensors" or "model.safetensors.index.json" or "pytorch_model.bin" or "pytorch_model.bin.index.json"
            or "tokenizer.json" or "tokenizer_config.json" or "tf_model.h5" ||
        (name.StartsWith("model-", StringComparison.Ordinal) && name.EndsWith(".safetensors", StringComparison.Ordinal));
}
