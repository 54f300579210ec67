namespace ModelPackTools.Content;

/// <summary>
/// The content inspectors the engine ships, by name, for the `contentScanners` setting ("all", "none", or a list).
/// Empty for now: the pickle, safetensors and ONNX scanners register here.
/// </summary>
public static class ContentInspectors
{
    public static IReadOnlyList<IContentInspector> All { get; } = [];

    public static IContentInspector? Find(string name) =>
        All.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}
