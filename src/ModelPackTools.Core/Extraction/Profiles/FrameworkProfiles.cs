namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// Every framework profile the simulator knows. A profile is its rules (one file per rule under
/// <c>Extraction/Profiles/</c>, implementing <see cref="ITreeRule"/> or <see cref="IEntryRule"/>) plus one entry here.
/// </summary>
public static class FrameworkProfiles
{
    public static FrameworkProfile None { get; } = new("none", "no framework: the generic SageMaker rules only", [], []);

    public static FrameworkProfile PyTorch { get; } = new(
        "pytorch", "SageMaker PyTorch inference toolkit: model.pt/model.pth at the root, code/inference.py", [], [new WeightsInCodeRule()]);

    public static FrameworkProfile TensorFlowServing { get; } = new(
        "tensorflow-serving", "SageMaker TensorFlow Serving: <model>/<digits>/saved_model.pb", [], [new SavedModelVersionRule(), new CodeInVersionFolderRule()]);

    public static FrameworkProfile Triton { get; } = new(
        "triton", "Triton on SageMaker: /opt/ml/model is the model repository, <model>/config.pbtxt", [], [new TritonRootConfigRule(), new TritonVersionFolderRule()]);

    public static IReadOnlyList<FrameworkProfile> All { get; } = [None, PyTorch, TensorFlowServing, Triton];

    public static FrameworkProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
