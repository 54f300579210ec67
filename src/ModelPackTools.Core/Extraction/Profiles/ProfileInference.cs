namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// The profile "auto" stands for: from the container's environment when known (a variable only one container reads),
/// else from files only one container uses: config.pbtxt at the root or in a model folder (Triton), saved_model.pb
/// (TensorFlow Serving), serving.properties (LMI) or a save_pretrained folder (Hugging Face). A .pt, .bin or
/// safetensors file alone says nothing about the container (PyTorch, Hugging Face, LMI and custom images all load
/// them), so PyTorch, XGBoost and scikit-learn are never guessed: they come from the profile setting or the spec's image.
/// </summary>
internal static class ProfileInference
{
    private static readonly (string Variable, FrameworkProfile Profile)[] EnvironmentMarks =
    [
        ("SAGEMAKER_TRITON_DEFAULT_MODEL_NAME", FrameworkProfiles.Triton),
        ("SAGEMAKER_TFS_DEFAULT_MODEL_NAME", FrameworkProfiles.TensorFlowServing),
        ("HF_MODEL_ID", FrameworkProfiles.HuggingFace),
        ("HF_TASK", FrameworkProfiles.HuggingFace),
    ];

    public static (FrameworkProfile Profile, string? Reason) Resolve(FrameworkProfile chosen, VirtualFileSystem tree, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (chosen != FrameworkProfiles.Auto)
        {
            return (chosen, chosen == FrameworkProfiles.None ? null : "chosen");
        }

        foreach (var (variable, profile) in EnvironmentMarks)
        {
            if (environment is not null && environment.TryGetValue(variable, out var value) && value.Length > 0)
            {
                return (profile, $"inferred from the environment's {variable}");
            }
        }

        if (ContainerMarkers.AtRootOrOneDown(tree, ContainerMarkers.TritonConfig) is { } triton)
        {
            return (FrameworkProfiles.Triton, $"inferred from {triton.Path}");
        }

        if (tree.AllNodes().FirstOrDefault(n => n.Name == "saved_model.pb" && n.IsFile) is { } savedModel)
        {
            return (FrameworkProfiles.TensorFlowServing, $"inferred from {savedModel.Path}");
        }

        if ((HuggingFaceLayout.ServingProperties(tree) ?? HuggingFaceLayout.TransformersConfig(tree)) is { } huggingFace)
        {
            return (FrameworkProfiles.HuggingFace, $"inferred from {huggingFace.Path}");
        }

        return (FrameworkProfiles.None, null);
    }
}
