namespace ModelPackTools.Spec;

/// <summary>What the files of a model folder suggest about its framework and serving entry point.</summary>
public sealed record FrameworkHints(string? Framework, string? Reason, string? EntryPoint, IReadOnlyList<string> StrayNames)
{
    private static readonly string[] Strays = [".DS_Store", "__pycache__", ".ipynb_checkpoints", "Thumbs.db", ".git"];

    /// <summary>Looks at names only (and requirements.txt): a hint for a starting spec, never a check.</summary>
    public static FrameworkHints Infer(string folder)
    {
        var files = Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var names = files.Select(f => f[(f.LastIndexOf('/') + 1)..]).ToList();
        var requirements = files.Where(f => f.EndsWith("requirements.txt", StringComparison.Ordinal))
            .Select(f => ReadOrEmpty(Path.Combine(folder, f)).ToUpperInvariant())
            .FirstOrDefault() ?? string.Empty;

        bool Has(params string[] suffixes) => names.Exists(n => suffixes.Any(s => n.EndsWith(s, StringComparison.OrdinalIgnoreCase)));

        var (framework, reason) =
            Has("saved_model.pb", ".keras", ".h5") || requirements.Contains("TENSORFLOW", StringComparison.Ordinal) ? ("TENSORFLOW", "a TensorFlow SavedModel or Keras file") :
            Has(".pt", ".pth", ".safetensors") || requirements.Contains("TORCH", StringComparison.Ordinal) ? ("PYTORCH", "PyTorch weights (.pt, .pth or .safetensors) or torch in requirements.txt") :
            Has("xgboost-model", ".xgb", ".ubj") || requirements.Contains("XGBOOST", StringComparison.Ordinal) ? ("XGBOOST", "an XGBoost model file") :
            Has(".joblib", ".pkl") || requirements.Contains("SCIKIT-LEARN", StringComparison.Ordinal) ? ("SKLEARN", "a pickled or joblib model") :
            Has(".onnx") ? ("ONNX", "an .onnx file") :
            ((string?)null, (string?)null);

        var entryPoint = files.FirstOrDefault(f => f is "code/inference.py" or "inference.py" or "code/serve.py");
        var strays = Strays.Where(s => names.Contains(s, StringComparer.Ordinal)).ToList();
        return new FrameworkHints(framework, reason, entryPoint, strays);
    }

    // .NET lists a folder whose name is not UTF-8 with U+FFFD in its place, and such a path opens nothing: a hint
    // is only a hint, so a requirements.txt that cannot be read is one that says nothing.
    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
