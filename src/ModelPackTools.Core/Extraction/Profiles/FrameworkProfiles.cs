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
        "pytorch", "SageMaker PyTorch inference toolkit: model.pt/model.pth at the root, code/inference.py", [], [new WeightsInCodeRule()]);

    public static FrameworkProfile TensorFlowServing { get; } = new(
        "tensorflow-serving", "SageMaker TensorFlow Serving: <model>/<digits>/saved_model.pb", [], [new SavedModelVersionRule(), new CodeInVersionFolderRule()]);

    public static FrameworkProfile Triton { get; } = new(
        "triton", "Triton on SageMaker: /opt/ml/model is the model repository, <model>/config.pbtxt", [], [new TritonRootConfigRule(), new TritonVersionFolderRule()]);

    public static IReadOnlyList<FrameworkProfile> All { get; } = [Auto, None, PyTorch, TensorFlowServing, Triton];

    /// <summary>
    /// The profile an inference image implies, from the repository names of the AWS Deep Learning Containers
    /// (`…/pytorch-inference:…`, `…/tensorflow-inference:…`, `…/sagemaker-tritonserver:…`); the Hugging Face images
    /// (`huggingface-pytorch-…`) run their own toolkit and imply none of these.
    /// </summary>
    public static FrameworkProfile? ForImage(string? image)
    {
        var repository = image?.Split('/')[^1].Split(':', '@')[0] ?? string.Empty;
        return repository switch
        {
            _ when repository.Contains("huggingface", StringComparison.Ordinal) => null,
            _ when repository.Contains("pytorch-inference", StringComparison.Ordinal) => PyTorch,
            _ when repository.Contains("tensorflow-inference", StringComparison.Ordinal) => TensorFlowServing,
            _ when repository.Contains("tritonserver", StringComparison.Ordinal) => Triton,
            _ => null,
        };
    }

    public static FrameworkProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
