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
}
