namespace ModelPackTools.Content.Onnx;

/// <summary>
/// The rule for one ONNX `TensorProto.external_data` entry (onnx/external_data_helper.py resolves `location` against
/// the model's folder): the location is relative, has no `..` segment, does not leave the folder through a link, and
/// names a file with at least offset + length bytes.
/// </summary>
public static class OnnxExternalDataRule
{
    /// <summary>The problem with this entry, or null when it is safe and the bytes exist.</summary>
    public static string? Check(string modelFolder, string location, long offset, long? length)
    {
        if (location.Length == 0 || Path.IsPathRooted(location) || location.Contains(':', StringComparison.Ordinal)
            || location.Split('/', '\\').Any(segment => segment == ".."))
        {
            return $"external data location '{location}' leaves the model folder";
        }

        string root = Path.GetFullPath(modelFolder);
        string target = Path.GetFullPath(Path.Combine(root, location));
        var file = new FileInfo(target);
        string? resolved = file.Exists && file.ResolveLinkTarget(returnFinalTarget: true) is { } link ? link.FullName : target;
        if (!resolved.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"external data location '{location}' resolves outside the model folder";
        }

        if (!file.Exists)
        {
            return $"external data file '{location}' does not exist";
        }

        long needed = offset + (length ?? 0);
        return offset < 0 || needed > file.Length ? $"external data file '{location}' has {file.Length} bytes, needs {needed}" : null;
    }
}
