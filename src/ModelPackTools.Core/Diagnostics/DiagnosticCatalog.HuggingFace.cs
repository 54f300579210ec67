namespace ModelPackTools.Diagnostics;

/// <summary>
/// MPK7019-MPK7025 (framework profiles, continued): what the files of a Hugging Face, TGI or LMI model say, read by
/// the content inspectors in <c>Content/HuggingFace/</c> (a shard index against its shards, serving.properties,
/// config.json against the tokenizer files).
/// </summary>
public static partial class DiagnosticCatalog
{
    // huggingface/transformers src/transformers/utils/hub.py get_checkpoint_shard_files: every file of the index's
    // weight_map is opened.
    public static readonly DiagnosticDescriptor ShardMissing = new(
        "MPK7019", "Shard named by the index is missing", DiagnosticSeverity.Error,
        "{0} places {1} tensor(s) in this shard, but the model has no such file",
        "A sharded checkpoint's index (model.safetensors.index.json, pytorch_model.bin.index.json) maps every tensor " +
        "to the shard file holding it. transformers' from_pretrained opens each shard the weight_map names, relative to " +
        "the index's folder, and fails when one is missing; TGI and LMI load nothing from a missing shard. Fix: include " +
        "every shard (re-run save_pretrained or download the whole model), or regenerate the index.");

    // TGI server/text_generation_server/utils/hub.py weight_files globs *.safetensors; so does vLLM (LMI).
    public static readonly DiagnosticDescriptor ShardUnlisted = new(
        "MPK7020", "Shard not named by the index", DiagnosticSeverity.Warning,
        "this file looks like a shard of {0}, but the index does not name it",
        "A file named like a shard (`model-00003-of-00004.safetensors`) that the index's weight_map never names is " +
        "usually left over from an earlier save with a different shard count. transformers ignores it, but TGI and " +
        "LMI/vLLM load every `*.safetensors` file of the folder, so its tensors may be loaded, clash with or shadow " +
        "the current ones. Fix: delete stale shards before saving again, or exclude the file.");

    // The safetensors header lists every tensor of its file (huggingface/safetensors, safetensors/src/tensor.rs).
    public static readonly DiagnosticDescriptor ShardTensorMissing = new(
        "MPK7021", "Tensor of the index not in its shard", DiagnosticSeverity.Error,
        "{0} tensor(s) {1} places in this shard are not in its header, e.g. '{2}'",
        "The index promises that each tensor of its weight_map is in the named shard; the shard's safetensors header " +
        "lists what really is. A tensor missing from its shard fails loading with a missing-key error in transformers " +
        "(or initialises the weight randomly when not strict) and is not found at all by TGI and LMI. The index and the " +
        "shards are from different saves. Fix: re-save the model so index and shards are written together.");
}
