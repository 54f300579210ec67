namespace ModelPackTools.Diagnostics;

/// <summary>MPK7xxx: what a framework's serving container expects under /opt/ml/model (framework profiles).</summary>
public static partial class DiagnosticCatalog
{
    // triton-inference-server/server docker/sagemaker/serve: `tritonserver --model-repository=/opt/ml/model`.
    public static readonly DiagnosticDescriptor TritonConfigAtRoot = new(
        "MPK7001", "Triton config.pbtxt at the root", DiagnosticSeverity.Error,
        "config.pbtxt is at the root of /opt/ml/model, which Triton reads as the model repository",
        "SageMaker's Triton container starts `tritonserver --model-repository=/opt/ml/model`: every model must be a " +
        "folder `<name>/config.pbtxt` with numeric version folders `<name>/1/model.*`. A config.pbtxt at the root is " +
        "not a model and the server starts with none. Fix: move the files into `<name>/`.");

    // aws/sagemaker-tensorflow-serving-container docker/build_artifacts/sagemaker/tfs_utils.py (find_models).
    public static readonly DiagnosticDescriptor SavedModelOutsideVersionFolder = new(
        "MPK7002", "saved_model.pb not in a numeric version folder", DiagnosticSeverity.Warning,
        "'{0}' is not inside a folder whose name is all digits; TensorFlow Serving will not load it",
        "The SageMaker TensorFlow Serving container searches /opt/ml/model for `saved_model.pb` files and keeps only " +
        "those whose folder name is a version number (all digits), serving the folder above as the model. Fix: put " +
        "the SavedModel in `<model>/1/` (saved_model.pb and variables/).");

    // aws/sagemaker-pytorch-inference-toolkit src/sagemaker_pytorch_serving_container/default_pytorch_inference_handler.py
    // and aws/sagemaker-inference-toolkit: code/ holds the user module, /opt/ml/model the model files.
    public static readonly DiagnosticDescriptor WeightsInCode = new(
        "MPK7003", "Model weights inside code/", DiagnosticSeverity.Warning,
        "'{0}' looks like model weights but is inside code/",
        "The SageMaker inference toolkits treat code/ as the user module (inference.py, requirements.txt) and load " +
        "the model from /opt/ml/model itself: the default PyTorch handler looks for model.pt or model.pth there. " +
        "Weights under code/ are not found unless a model_fn reads them from that path. Fix: move them to the root.");

    // huggingface/huggingface_hub file_download.py: the cache keeps blobs/<hash> and snapshots/<revision>/<file>
    // symbolic links into them; SageMaker's S3Prefix copy and many tar invocations keep the links, not the files.
    public static readonly DiagnosticDescriptor HuggingFaceCacheLayout = new(
        "MPK7004", "Hugging Face cache folder", DiagnosticSeverity.Warning,
        "'{0}' is a Hugging Face cache (snapshots/ linking into blobs/), not a model folder",
        "The Hub cache stores each file once under blobs/ and links to it from snapshots/<revision>/: the model's files " +
        "are two folders deep and are symbolic links, which an archive or S3 prefix carries as links or not at all. " +
        "Fix: download a plain copy (`huggingface-cli download <model> --local-dir model`) or archive the snapshot " +
        "following links (`tar -h -C <cache>/snapshots/<revision> -czf model.tar.gz .`).");

    // triton-inference-server/server docs/user_guide/model_repository.md: `<model>/<version>/model.*`.
    public static readonly DiagnosticDescriptor TritonNoVersionFolder = new(
        "MPK7005", "Triton model without a version folder", DiagnosticSeverity.Warning,
        "Triton model '{0}' has config.pbtxt but no numeric version folder",
        "Triton loads a model's files from numeric version folders beside config.pbtxt (`<model>/1/model.onnx`); a " +
        "model without one has no version to serve and fails to load. Fix: move the model file into `{0}/1/`.");

    // aws/sagemaker-tensorflow-serving-container docker/build_artifacts/sagemaker/python_service.py loads the handler
    // from /opt/ml/model/code (also README "Prepare inference.py"); a version folder is TensorFlow Serving's.
    public static readonly DiagnosticDescriptor CodeInsideVersionFolder = new(
        "MPK7006", "code/ inside a TensorFlow Serving version folder", DiagnosticSeverity.Warning,
        "'{0}' is inside a model version folder; the container looks for code/ at the root",
        "The SageMaker TensorFlow Serving container imports code/inference.py and installs code/requirements.txt from " +
        "/opt/ml/model/code; a code/ folder inside `<model>/<version>/` is never found. Fix: move it to the root.");

    // triton-inference-server/server docker/sagemaker/serve: `--load-model=$SAGEMAKER_TRITON_DEFAULT_MODEL_NAME` after
    // checking that the folder exists, else "ERROR: Directory with provided ... does not exist" and exit 1.
    public static readonly DiagnosticDescriptor TritonDefaultModelMissing = new(
        "MPK7007", "SAGEMAKER_TRITON_DEFAULT_MODEL_NAME names no model folder", DiagnosticSeverity.Error,
        "SAGEMAKER_TRITON_DEFAULT_MODEL_NAME is '{0}', but /opt/ml/model has no folder of that name",
        "SageMaker's Triton start script loads the model SAGEMAKER_TRITON_DEFAULT_MODEL_NAME names and exits before " +
        "starting the server when /opt/ml/model/<name> is not a folder. Fix: set it to one of the model folders, or " +
        "rename the folder.");

    // triton-inference-server/server docker/sagemaker/serve: without SAGEMAKER_TRITON_DEFAULT_MODEL_NAME (and not in
    // multi-model mode) it counts every top-level folder and exits 1 on "More than 1 model directory found".
    public static readonly DiagnosticDescriptor TritonSeveralFolders = new(
        "MPK7008", "Several top-level folders and no default Triton model", DiagnosticSeverity.Warning,
        "/opt/ml/model has {0} top-level folders ({1}); Triton on SageMaker starts only if SAGEMAKER_TRITON_DEFAULT_MODEL_NAME names one",
        "Without SAGEMAKER_TRITON_DEFAULT_MODEL_NAME, SageMaker's Triton start script serves the only top-level folder " +
        "and exits with \"More than 1 model directory found\" when there are more; every folder counts, code/ or an " +
        "ensemble's steps included. Fix: set SAGEMAKER_TRITON_DEFAULT_MODEL_NAME in the container's environment (the " +
        "ensemble's name for an ensemble), or SAGEMAKER_MULTI_MODEL=true for a multi-model endpoint.");

    // aws/sagemaker-pytorch-inference-toolkit default_pytorch_inference_handler.py (default_model_fn) and
    // aws/sagemaker-inference-toolkit environment.py (SAGEMAKER_PROGRAM, default inference.py, under code/).
    public static readonly DiagnosticDescriptor PyTorchNothingToLoad = new(
        "MPK7009", "No model.pt and no handler script", DiagnosticSeverity.Warning,
        "there is no model.pt at the root and no {0} to provide a model_fn; the PyTorch container's default loader finds nothing",
        "Without a model_fn in code/inference.py (or the script SAGEMAKER_PROGRAM names), the SageMaker PyTorch toolkit " +
        "loads /opt/ml/model/model.pt with torch.jit.load, or else the only .pt/.pth file at the root, and fails with " +
        "\"Exactly one .pth or .pt file is required\" when there is none or several. It loads TorchScript only. Fix: " +
        "save the TorchScript model as model.pt at the root, or add code/inference.py with a model_fn.");

    // aws/sagemaker-inference-toolkit environment.py and transformer.py: the module SAGEMAKER_PROGRAM names is imported
    // from code/; when it is missing the toolkit silently falls back to the default handlers.
    public static readonly DiagnosticDescriptor ProgramMissing = new(
        "MPK7010", "SAGEMAKER_PROGRAM names a missing script", DiagnosticSeverity.Warning,
        "SAGEMAKER_PROGRAM is '{0}', but there is no code/{0}",
        "The SageMaker inference toolkits import the handler module SAGEMAKER_PROGRAM names from /opt/ml/model/code. " +
        "When it is not there they fall back to the default model_fn, input_fn, predict_fn and output_fn without an " +
        "error, so the endpoint starts and then serves the wrong thing or fails on the first request. Fix: put the " +
        "script in code/, or correct SAGEMAKER_PROGRAM.");

    // aws/sagemaker-tensorflow-serving-container docker/build_artifacts/sagemaker/serve.py (_create_tfs_config): every
    // model find_models returns is served; without SAGEMAKER_TFS_DEFAULT_MODEL_NAME the first one found is the default.
    public static readonly DiagnosticDescriptor TensorFlowSeveralModels = new(
        "MPK7011", "Several TensorFlow Serving models and no default", DiagnosticSeverity.Warning,
        "/opt/ml/model holds {0} TensorFlow Serving models ({1}); requests without a model name go to whichever the container finds first",
        "The SageMaker TensorFlow Serving container serves every `<model>/<digits>/saved_model.pb` it finds and, unless " +
        "SAGEMAKER_TFS_DEFAULT_MODEL_NAME is set, makes the first one of an unsorted directory search the default for " +
        "requests that name no model. Fix: set SAGEMAKER_TFS_DEFAULT_MODEL_NAME, or ship one model per artifact.");

    // aws/sagemaker-tensorflow-serving-container serve.py: SAGEMAKER_TFS_DEFAULT_MODEL_NAME goes into nginx's routing
    // unchecked, so a name that is no model makes every request without a model name fail.
    public static readonly DiagnosticDescriptor TensorFlowDefaultModelMissing = new(
        "MPK7012", "SAGEMAKER_TFS_DEFAULT_MODEL_NAME names no model", DiagnosticSeverity.Error,
        "SAGEMAKER_TFS_DEFAULT_MODEL_NAME is '{0}', but no TensorFlow Serving model of that name is in /opt/ml/model",
        "The container routes requests that name no model to SAGEMAKER_TFS_DEFAULT_MODEL_NAME without checking that such " +
        "a model exists; with no `{0}/<digits>/saved_model.pb` every such request fails. Fix: name one of the models.");

    // aws/sagemaker-huggingface-inference-toolkit handler_service.py / transformers_utils.py (load from model_dir,
    // or from the Hub when HF_MODEL_ID is set); TGI and LMI read the same config.json.
    public static readonly DiagnosticDescriptor HuggingFaceNoConfig = new(
        "MPK7013", "No config.json for a Hugging Face model", DiagnosticSeverity.Warning,
        "there is no config.json at the root and no model id in the environment; transformers cannot load /opt/ml/model",
        "The Hugging Face inference toolkit, TGI and LMI load /opt/ml/model as a transformers model folder, which " +
        "starts with config.json, unless HF_MODEL_ID (or serving.properties' option.model_id) names a Hub model. " +
        "Fix: save the model with `save_pretrained` (config.json, weights, tokenizer files) at the root, or set HF_MODEL_ID.");

    // docs.aws.amazon.com/sagemaker/latest/dg/large-model-inference-uncompressed.html: compressed artifacts are
    // downloaded and extracted before the container starts, which for large models dominates start-up.
    public static readonly DiagnosticDescriptor LargeCompressedModel = new(
        "MPK7014", "Large model as a compressed archive", DiagnosticSeverity.Warning,
        "the model is {0} GiB in a model.tar.gz; SageMaker downloads and extracts all of it before the container starts",
        "SageMaker copies a model.tar.gz to the instance and extracts it before starting the container, single-threaded; " +
        "for models above about 10 GiB that takes minutes and can exceed the container's start-up health check. An " +
        "uncompressed S3 prefix (ModelDataSource S3DataType=S3Prefix, CompressionType=None) is copied in parallel and " +
        "not extracted. Fix: `modelpack layout` (or the spec's \"format\": \"prefix\").");

    // aws/sagemaker-inference-toolkit (model_fn reads /opt/ml/model) and every framework container: a code/-only
    // archive is right only when the environment names the model (HF_MODEL_ID); otherwise nothing is loaded.
    public static readonly DiagnosticDescriptor NoModelFile = new(
        "MPK7015", "No model file", DiagnosticSeverity.Warning,
        "every file is under code/; there is no model file in /opt/ml/model",
        "SageMaker extracts any archive, but a container has nothing to load when the only files are the handler's. " +
        "That is right when the environment names the model (HF_MODEL_ID with the Hugging Face, TGI or LMI images, or a " +
        "model_fn that downloads it); otherwise the endpoint fails at start-up. Fix: add the model files at the root.");

    // aws/sagemaker-xgboost-container serve_utils.py (get_loaded_booster): the first regular file os.listdir returns
    // at the root (unsorted) is loaded with pickle, then as a Booster; later versions load every root file as an
    // ensemble member and fail on any that is not a model.
    public static readonly DiagnosticDescriptor XGBoostRootFiles = new(
        "MPK7016", "XGBoost model not the only file at the root", DiagnosticSeverity.Warning,
        "/opt/ml/model has {0} files at its root ({1}); the XGBoost container loads whichever of them it lists first, or all",
        "The SageMaker XGBoost container's default model loader takes the regular files at the root of /opt/ml/model in " +
        "unsorted directory order: older versions load the first one, newer ones load every one as an ensemble member " +
        "and fail on any that is not a model. With no file at the root it fails at start-up. Fix: keep exactly one " +
        "model file (xgboost-model) at the root; anything else goes under a folder.");

    // aws/sagemaker-scikit-learn-container src/sagemaker_sklearn_container/serving.py: default_model_fn defers to
    // sagemaker-containers' transformer.default_model_fn, which raises NotImplementedError; the module SAGEMAKER_PROGRAM
    // names (imported from SAGEMAKER_SUBMIT_DIRECTORY) must define model_fn.
    public static readonly DiagnosticDescriptor ScikitLearnNoProgram = new(
        "MPK7017", "scikit-learn container without a handler script", DiagnosticSeverity.Warning,
        "the environment sets no SAGEMAKER_PROGRAM; the scikit-learn container has no default model_fn",
        "The SageMaker scikit-learn container cannot load a model by itself: its default model_fn raises " +
        "NotImplementedError, so the script SAGEMAKER_PROGRAM names (from SAGEMAKER_SUBMIT_DIRECTORY or code/) must " +
        "define model_fn. Fix: set SAGEMAKER_PROGRAM (and SAGEMAKER_SUBMIT_DIRECTORY) to the script with model_fn.");

    // triton-inference-server/core model_config_utils.cc: a configuration's `name`, when given, must equal the model
    // directory's name, or the model fails to load and the single-model endpoint never becomes healthy.
    public static readonly DiagnosticDescriptor TritonModelNameMismatch = new(
        "MPK7018", "Triton model name does not match its folder", DiagnosticSeverity.Error,
        "config.pbtxt names the model '{0}', but it is in the folder '{1}'; Triton refuses to load it",
        "Triton serves each folder of the model repository (/opt/ml/model) as the model of that name, and a config.pbtxt " +
        "whose top-level `name:` differs from its folder is refused at load time (\"unexpected 'name' in model " +
        "configuration\"), so the endpoint never becomes healthy. Fix: make `name:` equal the folder's name, or remove " +
        "it (Triton then takes the folder's).");

    // triton-inference-server/server docs/user_guide/model_repository.md "Model Files": each backend loads a file of a
    // fixed default name from the version folder unless default_model_filename says otherwise; a model that fails
    // to load stops the SageMaker start script's single model (docker/sagemaker/serve, --load-model).
    public static readonly DiagnosticDescriptor TritonModelFileMissing = new(
        "MPK7028", "Triton version folder without the backend's model file", DiagnosticSeverity.Error,
        "Triton model '{0}' version {1} has no {2}, the file the {3} backend loads",
        "Triton loads a model's highest-numbered version folder by default, and its backend opens one file there by a " +
        "fixed name: model.plan (TensorRT), model.onnx (ONNX Runtime, a file or a folder), model.pt (PyTorch), " +
        "model.savedmodel/ or model.graphdef (TensorFlow), model.xml (OpenVINO), model.py (Python), model.dali (DALI), " +
        "xgboost.model and its kin (FIL), model.json (vLLM), or the name config.pbtxt gives in default_model_filename. " +
        "A version folder without it fails to load (\"unable to find ...\"), and the endpoint never becomes healthy. " +
        "Fix: rename the file to the default name, or set `default_model_filename` in config.pbtxt.");
}
