using ModelPackTools.Content.HuggingFace;
using ModelPackTools.Content.Joblib;
using ModelPackTools.Content.Numpy;
using ModelPackTools.Content.Onnx;
using ModelPackTools.Content.Pickle;
using ModelPackTools.Content.Safetensors;
using ModelPackTools.Content.Torch;
using ModelPackTools.Content.Triton;
using ModelPackTools.Content.Zip;

namespace ModelPackTools.Content;

/// <summary>
/// The content inspectors the engine ships, by name, for the `contentScanners` setting ("all", the default, "none",
/// or a list): pickle streams (<see cref="PickleInspector"/>), ZIP containers and their pickles (<see cref="ZipInspector"/>), NumPy object arrays (<see cref="NpyInspector"/>), torch's legacy tar (<see cref="TorchTarInspector"/>), safetensors headers (<see cref="SafetensorsInspector"/>) Triton model names (<see cref="TritonConfigInspector"/>) sharded checkpoints' indexes (<see cref="ShardIndexInspector"/>) LMI's serving.properties (<see cref="ServingPropertiesInspector"/>) a text model's tokenizer files (<see cref="TokenizerFilesInspector"/>) and ONNX models' external data (<see cref="OnnxInspector"/>).
/// </summary>
public static class ContentInspectors
{
    public static IReadOnlyList<IContentInspector> All { get; } = [PickleInspector.Default, ZipInspector.Default, NpyInspector.Default, JoblibInspector.Default, TorchTarInspector.Default, SafetensorsInspector.Instance, TritonConfigInspector.Instance, ShardIndexInspector.Instance, ServingPropertiesInspector.Instance, TokenizerFilesInspector.Instance, OnnxInspector.Instance];

    public static IContentInspector? Find(string name) =>
        All.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The inspectors with the reviewed pickle imports accepted (`--allow-import`, the spec's `allowImports`).</summary>
    public static IReadOnlyList<IContentInspector> Allowing(IReadOnlyList<IContentInspector> inspectors, IReadOnlyCollection<string> imports) =>
        imports.Count == 0 ? inspectors : [.. inspectors.Select(i => i switch
        {
            PickleInspector pickle => pickle.Allowing(imports),
            ZipInspector zip => zip.Allowing(imports),
            NpyInspector npy => npy.Allowing(imports),
            JoblibInspector joblib => joblib.Allowing(imports),
            TorchTarInspector tar => tar.Allowing(imports),
            _ => i,
        })];
}
