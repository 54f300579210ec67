namespace ModelPackTools.Content.Onnx;

/// <summary>
/// One TensorProto with external data (onnx/onnx.proto, TensorProto.external_data and data_location): its name,
/// whether data_location says EXTERNAL, and its external_data key/value entries as stored. The recognised keys are
/// `location` (a POSIX path relative to the model file's folder), `offset`, `length` (decimal strings) and `checksum`.
/// </summary>
public sealed record OnnxExternalTensor(string Name, bool MarkedExternal, IReadOnlyList<KeyValuePair<string, string>> Entries)
{
    /// <summary>Every value of a key, in file order (a key given twice is judged in each of its values).</summary>
    public IEnumerable<string> Values(string key) => this.Entries.Where(e => e.Key == key).Select(e => e.Value);

    /// <summary>The value a loader uses: onnx's external_data_helper sets the attributes in order, so the last wins.</summary>
    public string? Last(string key) => this.Entries.LastOrDefault(e => e.Key == key).Value;
}
