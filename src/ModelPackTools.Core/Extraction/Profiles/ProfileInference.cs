namespace ModelPackTools.Extraction.Profiles;

/// <summary>
/// The profile "auto" stands for, from files only one container uses: config.pbtxt at the root or in a model folder
/// (Triton), saved_model.pb (TensorFlow Serving). A .pt, .bin or safetensors file says nothing about the container
/// (PyTorch, Hugging Face, LMI and custom images all load them), so PyTorch is never guessed from weights: it comes
/// from the profile setting or the spec's image.
/// </summary>
internal static class ProfileInference
{
    public static (FrameworkProfile Profile, string? Reason) Resolve(FrameworkProfile chosen, VirtualFileSystem tree)
    {
        if (chosen != FrameworkProfiles.Auto)
        {
            return (chosen, chosen == FrameworkProfiles.None ? null : "chosen");
        }

        var root = tree.Root;
        var shallow = root.Children!.Values.Where(n => n.IsDirectory).OrderBy(n => n.Name, StringComparer.Ordinal).Prepend(root);
        if (shallow.FirstOrDefault(f => f.Children!.TryGetValue("config.pbtxt", out var c) && c.IsFile) is { } triton)
        {
            return (FrameworkProfiles.Triton, $"inferred from {(triton.Parent is null ? string.Empty : triton.Path + "/")}config.pbtxt");
        }

        if (tree.AllNodes().FirstOrDefault(n => n.Name == "saved_model.pb" && n.IsFile) is { } savedModel)
        {
            return (FrameworkProfiles.TensorFlowServing, $"inferred from {savedModel.Path}");
        }

        return (FrameworkProfiles.None, null);
    }
}
