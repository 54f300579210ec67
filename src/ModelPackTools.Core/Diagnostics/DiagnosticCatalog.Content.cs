namespace ModelPackTools.Diagnostics;

/// <summary>
/// MPK4xxx: what a model file would do when loaded (content findings of the inspectors in <c>Content/</c>). The
/// pickle codes follow PyTorch's `weights_only` unpickler (torch/_weights_only_unpickler.py), which refuses every
/// global that is not on its allowlist; the safetensors code follows huggingface/safetensors safetensors/src/tensor.rs.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PickleImportNotAllowed = new(
        "MPK4001", "Pickle import not on the allowlist", DiagnosticSeverity.Error,
        "pickle imports '{0}' at byte {1}, which is not on the allowlist",
        "Loading a pickle imports and calls whatever its GLOBAL, STACK_GLOBAL, INST and extension opcodes name, so a " +
        "model pickle is code. The allowlist holds what weights legitimately need: PyTorch's `weights_only` set " +
        "(collections.OrderedDict, torch._utils._rebuild_tensor_v2, the torch storage and dtype types), NumPy's array " +
        "reconstruction and the scikit-learn, XGBoost and joblib estimator classes; `torch.load` refuses the same " +
        "import by default since PyTorch 2.6. Fix: save the weights as safetensors, or, once you have reviewed the " +
        "import, accept it explicitly with `--allow-import module.name` or the spec's `allowImports`.");

    public static readonly DiagnosticDescriptor PickleImportDangerous = new(
        "MPK4002", "Pickle import that runs code", DiagnosticSeverity.Error,
        "pickle imports '{0}' at byte {1}: {2}",
        "The import is a known way to run code when the pickle is loaded: process execution (os, posix, nt, " +
        "subprocess, pty), evaluation (builtins.eval, exec, compile, getattr, __import__), module loading (importlib, " +
        "pkgutil, runpy), networking (socket, asyncio), code objects (marshal, types.FunctionType), or a loader that " +
        "unpickles its own argument (pickle.loads, torch.load, numpy.load, joblib.load). Python 2 names are judged as " +
        "what `_compat_pickle` maps them to (`commands` is subprocess, `__builtin__` is builtins). Do not load the " +
        "file. Fix: recreate the model from trusted code and save it as safetensors.");

    public static readonly DiagnosticDescriptor PickleUnparsable = new(
        "MPK4003", "Pickle stream that cannot be read completely", DiagnosticSeverity.Error,
        "pickle stream: {0} at byte {1}",
        "The scan reads every opcode of the stream (protocols 0-5, as CPython's Lib/pickletools.py defines them) " +
        "without running any. A stream it cannot follow to its STOP (truncated, an unknown opcode, a stack or memo " +
        "that does not add up, data after STOP) is not called clean: unpicklers stop at different places, and " +
        "scanners that skip a broken stream are how payloads get past them. The same holds for the containers torch " +
        "reads pickles from: a legacy torch tar whose headers, members or records do not add up. Fix: save the model again.");

    public static readonly DiagnosticDescriptor SafetensorsInvalid = new(
        "MPK4004", "Invalid safetensors header", DiagnosticSeverity.Error,
        "safetensors: {0}",
        "A safetensors file is an 8-byte little-endian header length, a JSON header and the tensor data. The header " +
        "must be valid JSON without duplicate keys, every tensor must have a known dtype and a byte range equal to its " +
        "shape times the dtype's size, the ranges must lie inside the data, must not overlap and must cover it " +
        "exactly, and `__metadata__` may hold only strings. Loaders differ on anything else (the reference rejects it, " +
        "lenient readers read overlapping or hidden bytes). Fix: save the tensors again with the safetensors library.");

    public static readonly DiagnosticDescriptor ZipInvalid = new(
        "MPK4005", "ZIP container a strict reader refuses", DiagnosticSeverity.Error,
        "zip: {0}",
        "PyTorch (`torch.save` since 1.6), Keras 3 (`.keras`) and NumPy (`.npz`) store models in ZIP files, and loaders " +
        "read them from the central directory. The scan reads them the same way and refuses what lets two readers " +
        "see different files (PKWARE APPNOTE.TXT): a local header whose name, flags or method differ from the central " +
        "record, duplicate names, data before the first member or between the directory and its end record, " +
        "encryption or unusual flag bits, compression other than stored or deflate, a member that fails its size or " +
        "CRC-32, and a truncated archive. Scanners that read the local headers alone miss pickles hidden this way. " +
        "Fix: save the model again with its framework.");

    public static readonly DiagnosticDescriptor PickleBuildOnGlobal = new(
        "MPK4006", "Pickle BUILD on a class, function or module", DiagnosticSeverity.Error,
        "pickle BUILD at byte {1} sets the attributes of '{0}' itself",
        "BUILD gives an object its state; applied to an imported class, function or module rather than to an instance, " +
        "it rewrites that global for the whole process (a function's `__code__`, a class's methods), which later code " +
        "then runs. No model needs it, and PyTorch's `weights_only` unpickler refuses it. Fix: save the model again " +
        "from trusted code, preferably as safetensors.");

    public static readonly DiagnosticDescriptor TorchStorageMissing = new(
        "MPK4007", "PyTorch storage record missing", DiagnosticSeverity.Error,
        "'{0}' refers to storage '{1}' at byte {2}, but the archive has no record '{3}'",
        "A PyTorch zip's data.pkl names each tensor's storage by a persistent id ('storage', type, key, location, size) " +
        "and torch.load reads the record `data/<key>` beside data.pkl. A key without a record means the file was " +
        "edited or truncated, or the pickle is not what its archive says. Fix: save the model again.");

    public static readonly DiagnosticDescriptor NumpyObjectArray = new(
        "MPK4008", "NumPy array of Python objects", DiagnosticSeverity.Warning,
        "a .npy array of Python objects: its data is a pickle that np.load runs with allow_pickle=True",
        "numpy/lib/format.py stores an object array as a pickle after the header. `np.load` refuses it unless called " +
        "with allow_pickle=True (the default since NumPy 1.16.3), so the file fails to load rather than runs code by " +
        "default; the pickle is scanned all the same (MPK4001-4003 for its imports). Fix: store numbers, not objects.");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "MPK4010", "Nested content beyond the scan's limits", DiagnosticSeverity.Error,
        "{0}: {1}, past what the scan follows",
        "Model files nest: a pickle calls pickle.loads or torch.storage._load_from_bytes on bytes it holds, a joblib " +
        "file is compressed, a zip holds another zip or a tar. The scan follows each level with the limits it applies " +
        "to archives (depth, size, compression ratio) and refuses what goes past them rather than call it clean, since " +
        "a loader would follow it. Fix: save the model flat, with its framework's own format (safetensors, a torch zip).");

    public static readonly DiagnosticDescriptor CompressedPickleUnreadable = new(
        "MPK4011", "Compressed pickle the scan cannot decompress", DiagnosticSeverity.Error,
        "a {0}-compressed pickle (joblib.dump with compress='{0}'): the scan has no {0} decoder, so it cannot see what loading it runs",
        "joblib.dump compresses with zlib, gzip, bz2, lzma, xz or lz4 (joblib/compressor.py). The scan decodes zlib, " +
        "gzip and bz2 and judges the pickle inside; for the others it has no decoder, and a pickle it cannot read is not " +
        "called clean. Fix: re-save with joblib.dump(model, path, compress=('zlib', 3)) (or 'gzip'/'bz2'), or save " +
        "the weights as safetensors.");

    public static readonly DiagnosticDescriptor KerasConfigRunsCode = new(
        "MPK4012", "Keras config that runs code", DiagnosticSeverity.Error,
        "Keras config.json: {0}",
        "A `.keras` file is a zip whose config.json Keras deserializes object by object (keras/src/saving/" +
        "serialization_lib.py). Lambda layers, '__lambda__' and 'function' objects are code: safe_mode refuses a " +
        "Python lambda, and published bypasses (CVE-2025-8747, CVE-2025-9906) use a Lambda that calls a Keras function " +
        "(load_model, enable_unsafe_deserialization) instead; a 'module' outside Keras is imported as named " +
        "(CVE-2025-1550). Fix: replace the Lambda with a registered custom layer whose code ships with the serving " +
        "container, and save the model again.");

    public static readonly DiagnosticDescriptor OnnxUnparsable = new(
        "MPK4020", "ONNX model that cannot be read completely", DiagnosticSeverity.Error,
        "ONNX model: {0} at byte {1}",
        "A `.onnx` file is a protobuf ModelProto (onnx/onnx.proto). The scan reads every message that can hold a " +
        "tensor (the graph, its nodes' attributes and subgraphs, sparse initializers, training graphs, functions) to " +
        "find each tensor's external data, skipping the tensor payloads. A file it cannot follow to its end is not " +
        "called clean: a malformed or over-long varint, field number 0, a group or undefined wire type, a known field " +
        "with the wrong wire type, a length past the end of its message or of the file, nesting deeper than " +
        "protobuf's limit of 100, a file that ends inside a message, and a model without ir_version or graph. " +
        "Fix: export the model again (torch.onnx.export, onnx.save).");

    public static readonly DiagnosticDescriptor OnnxExternalDataOutside = new(
        "MPK4021", "ONNX external data outside the model's folder", DiagnosticSeverity.Error,
        "external data of tensor '{0}'{1} {2}",
        "A tensor's external data is read from `location`, a path relative to the folder of the .onnx file " +
        "(onnx/external_data_helper.py). A location that is absolute, has a `..` segment, a backslash, a colon or a " +
        "NUL, or that resolves through a link to a file outside that folder, makes the loader read whatever file of " +
        "the container it names (`../../etc/passwd`, a credential file) into the model's weights, where an output can " +
        "leak it. onnx's own loader learnt this in steps: `../` (CVE-2022-25882), `sub/../../` (CVE-2024-27318, " +
        "onnx 1.16), a link out of the folder (CVE-2026-27489, onnx 1.21). The location is judged against " +
        "/opt/ml/model as SageMaker materialises it, links followed. Fix: save the model with onnx.save(model, path, " +
        "save_as_external_data=True, location=\"model.onnx.data\") and ship that file beside it.");

    public static readonly DiagnosticDescriptor OnnxExternalDataMissing = new(
        "MPK4022", "ONNX external data missing or too short", DiagnosticSeverity.Error,
        "external data of tensor '{0}'{1}: {2}",
        "Loading the model reads each external tensor's `length` bytes at `offset` of its `location` file; a file " +
        "that is missing from /opt/ml/model, a folder or a loop of links, or that has fewer than offset + length bytes, " +
        "fails the load in the container. The same code covers a tensor marked EXTERNAL without a location, and an " +
        "`offset` or `length` that is not a plain decimal number of bytes (onnx's Python reader and onnxruntime parse " +
        "anything else differently). A file whose size the source does not know (a key listing) is not judged. The " +
        "`checksum` key is not verified. An ONNX model that is a member of a zip has no folder in /opt/ml/model to " +
        "read its external data beside (onnx resolves `location` against the folder of the file it opened), so any " +
        "location it names is this error, even one the zip holds. Fix: ship the external data file the model was saved " +
        "with, complete, beside a `.onnx` file that is not zipped.");
}
