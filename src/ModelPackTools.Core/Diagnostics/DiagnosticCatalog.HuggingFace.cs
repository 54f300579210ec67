namespace ModelPackTools.Diagnostics;

/// <summary>
/// MPK7019-MPK7027 (framework profiles, continued): what the files of a Hugging Face, TGI or LMI model say, read by
/// the content inspectors in <c>Content/HuggingFace/</c>: a shard index against its shards (MPK7019-MPK7021), an LMI
/// serving.properties (MPK7022-MPK7026), config.json against the tokenizer files (MPK7027).
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

    // deepjavalibrary/djl-serving wlm/.../ModelInfo.java: the `engine` property is taken as it is and passed to DJL's
    // Engine.getEngine, a case-sensitive lookup among the engines the image registered (djl-serving
    // engines/python META-INF/services: Python, MPI, DeepSpeed; DJL's own engines; TritonServer).
    public static readonly DiagnosticDescriptor ServingEngineUnknown = new(
        "MPK7022", "Unknown engine in serving.properties", DiagnosticSeverity.Error,
        "engine '{0}' is not an engine DJL Serving loads{1}",
        "DJL Serving (the LMI containers) reads `engine` from serving.properties as it is written and looks it up, " +
        "case-sensitively, among the engines it ships: Python and MPI for LMI (DeepSpeed in older images), and DJL's " +
        "PyTorch, OnnxRuntime, TensorFlow, MXNet, PaddlePaddle, TFLite, TensorRT, XGBoost, LightGBM, Rust, Llama, " +
        "TritonServer and Java engines. Any other value fails with \"Deep learning engine not found\" and the endpoint " +
        "never becomes healthy; a value Java keeps a trailing blank of (`engine=Python `) is another value. Fix: write " +
        "one of these names exactly, or drop `engine` and let DJL Serving infer it from the files.");

    // djl-serving ModelInfo.java: without option.model_id the model directory itself is loaded (inferEngine,
    // isPythonModel); OPTION_MODEL_ID (loadServingProperties maps OPTION_* to option.*) and HF_MODEL_ID (the name LMI's
    // docs and tests use, deepjavalibrary/djl-serving#1825) in the environment give the model id instead.
    public static readonly DiagnosticDescriptor ServingNoModel = new(
        "MPK7023", "serving.properties without option.model_id or weights", DiagnosticSeverity.Warning,
        "no option.model_id, and {0} holds no config.json, weights or model.py for DJL Serving to load",
        "An LMI model folder is either the model itself (config.json and safetensors or .bin weights beside " +
        "serving.properties, or a model.py handler) or a serving.properties whose `option.model_id` names where the " +
        "model is: a Hugging Face Hub id, an s3:// URI or a path. This one has neither, so the container has nothing to " +
        "load unless the environment gives the id (HF_MODEL_ID or OPTION_MODEL_ID, which may be set outside what was " +
        "checked, hence a warning). Fix: add `option.model_id=<hub id or s3 uri>`, or put the model files beside it.");

    // djl-serving: a local option.model_id is opened as a directory inside the container.
    public static readonly DiagnosticDescriptor ServingModelPathMissing = new(
        "MPK7024", "option.model_id names a path the model does not have", DiagnosticSeverity.Error,
        "the model id is '{0}', but /opt/ml/model has no '{1}'",
        "A model id that is a path under /opt/ml/model is read from the extracted model data, so it must be in the " +
        "artifact: a folder name typed differently, or a path from the machine the model was prepared on, makes the " +
        "model fail to load. Fix: point option.model_id at the folder as it is in the archive or prefix " +
        "(`/opt/ml/model/<folder>`), or leave it out when the files are beside serving.properties.");

    // java.util.Properties.load throws IllegalArgumentException("Malformed \uxxxx encoding."), which djl-serving's
    // loadServingProperties does not catch (it catches IOException only).
    public static readonly DiagnosticDescriptor ServingLineUnreadable = new(
        "MPK7025", "Unreadable line in serving.properties", DiagnosticSeverity.Error,
        "line {0}: a \\u escape that is not four hex digits; Java cannot read this file",
        "serving.properties is read with java.util.Properties, where a backslash starts an escape and `\\u` must be " +
        "followed by four hex digits. A Windows path (`C:\\users\\...`) or a stray `\\u` makes Properties.load throw, " +
        "and the model fails to load before any setting applies. Fix: double every backslash (`\\\\`) or use `/`.");

    // java.util.Properties: a line without `=`, `:` or a blank is a key with an empty value.
    public static readonly DiagnosticDescriptor ServingKeyWithoutValue = new(
        "MPK7026", "Key without a value in serving.properties", DiagnosticSeverity.Warning,
        "line {0}: '{1}' has no '=' and no value, so Java reads it as a key set to nothing",
        "Every line of serving.properties that is not blank or a comment (`#`, `!`) is `key=value`, `key: value` or " +
        "`key value`. A line that is one word is a key with an empty value: usually a value pasted without its key " +
        "(a model id on its own line) or a key whose value was lost, and the setting meant is not applied. Fix: " +
        "write `key=value`, or comment the line out with `#`.");

    // huggingface/text-generation-inference server/text_generation_server/models: AutoTokenizer.from_pretrained(model_id);
    // aws/sagemaker-huggingface-inference-toolkit transformers_utils.py get_pipeline: pipeline(model=model_dir,
    // tokenizer=model_dir); LMI (vLLM, lmi-dist) loads the tokenizer from the model directory too.
    public static readonly DiagnosticDescriptor TokenizerMissing = new(
        "MPK7027", "Text model without tokenizer files", DiagnosticSeverity.Warning,
        "config.json describes a text model ({1}), but {0} holds no tokenizer files",
        "The Hugging Face inference toolkit, TGI and LMI load the tokenizer from the model folder with " +
        "AutoTokenizer.from_pretrained, which needs tokenizer.json or tokenizer_config.json, or the files of a slow " +
        "tokenizer (tokenizer.model, spiece.model, vocab.txt, vocab.json with merges.txt). A folder where only the " +
        "model was saved (model.save_pretrained without tokenizer.save_pretrained) starts and fails at the first " +
        "request, or does not start. Fix: `tokenizer.save_pretrained(<folder>)` as well, or download the model with " +
        "all its files. A model_fn that loads its tokenizer from elsewhere can ignore this.");
}
