namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Every framework profile the simulator knows. A profile is its rules (one file per rule under
/// <c>Extraction/Profiles/</c>, implementing <see cref="ITreeRule"/> or <see cref="IEntryRule"/>) plus one entry here.
/// </summary>
public static class FrameworkProfiles
{
    public static FrameworkProfile None { get; } = new("none", "no framework: the generic SageMaker rules only", [], []);

    /// <summary>The default: the profile whose files are present (<see cref="ProfileInference"/>), else none.</summary>
    public static FrameworkProfile Auto { get; } = new("auto", "the profile inferred from the files present (the default)", [], []);

    public static FrameworkProfile PyTorch { get; } = new(
        "pytorch", "SageMaker PyTorch inference toolkit: model.pt/model.pth at the root, code/inference.py", [], [new WeightsInCodeRule(), new PyTorchModelFileRule()]);

    public static FrameworkProfile TensorFlowServing { get; } = new(
        "tensorflow-serving", "SageMaker TensorFlow Serving: <model>/<digits>/saved_model.pb", [], [new SavedModelVersionRule(), new CodeInVersionFolderRule(), new TensorFlowDefaultModelRule()]);

    public static FrameworkProfile Triton { get; } = new(
        "triton", "Triton on SageMaker: /opt/ml/model is the model repository, <model>/config.pbtxt", [], [new TritonRootConfigRule(), new TritonVersionFolderRule(), new TritonDefaultModelRule()]);

    public static FrameworkProfile HuggingFace { get; } = new(
        "huggingface", "Hugging Face inference toolkit, TGI and LMI (DJL Serving): a transformers folder (config.json) or a model id", [], [new HuggingFaceConfigRule(), new LargeCompressedModelRule()]);

    public static FrameworkProfile XGBoost { get; } = new(
        "xgboost", "SageMaker XGBoost built-in container: one model file at the root", [], [new XGBoostModelFileRule()]);

    public static FrameworkProfile ScikitLearn { get; } = new(
        "sklearn", "SageMaker scikit-learn container: a SAGEMAKER_PROGRAM script with model_fn", [], [new ScikitLearnProgramRule()]);

    public static IReadOnlyList<FrameworkProfile> All { get; } = [Auto, None, PyTorch, TensorFlowServing, Triton, HuggingFace, XGBoost, ScikitLearn];

    /// <summary>
    /// The profile an inference image implies, from the repository names of the AWS Deep Learning Containers and
    /// built-in algorithms (`…/pytorch-inference:…`, `…/tensorflow-inference:…`, `…/sagemaker-tritonserver:…`,
    /// `…/huggingface-pytorch-tgi-inference:…`, `…/djl-inference:…`, `…/sagemaker-xgboost:…`,
    /// `…/sagemaker-scikit-learn:…`). The Hugging Face images are matched first: their names contain the framework's.
    /// </summary>
    public static FrameworkProfile? ForImage(string? image)
    {
        var repository = image?.Split('/')[^1].Split(':', '@')[0] ?? string.Empty;
        return repository switch
        {
            _ when repository.Contains("huggingface", StringComparison.Ordinal) => HuggingFace,
            _ when repository.Contains("djl-inference", StringComparison.Ordinal) => HuggingFace,
            _ when repository.Contains("tgi-inference", StringComparison.Ordinal) => HuggingFace,
            _ when repository.Contains("pytorch-inference", StringComparison.Ordinal) => PyTorch,
            _ when repository.Contains("tensorflow-inference", StringComparison.Ordinal) => TensorFlowServing,
            _ when repository.Contains("tritonserver", StringComparison.Ordinal) => Triton,
            _ when repository.Contains("xgboost", StringComparison.Ordinal) => XGBoost,
            _ when repository.Contains("scikit-learn", StringComparison.Ordinal) => ScikitLearn,
            _ => null,
        };
    }

    public static FrameworkProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
