namespace ModelPackTools.Content.Onnx;

/// <summary>
/// One open message of <see cref="OnnxModelReader"/>'s walk: which message it is, where it ends, and what of it the
/// reader keeps until it closes (a tensor's name and data_location, the external_data entry being read, the entries).
/// </summary>
internal sealed class OnnxReaderFrame(OnnxMessage message, long end)
{
    private List<KeyValuePair<string, string>>? entries;

    public OnnxMessage Message => message;

    public long End => end;

    public string? Name { get; set; }

    public ulong DataLocation { get; set; }

    public string? Key { get; set; }

    public string? Value { get; set; }

    public List<KeyValuePair<string, string>> Entries => this.entries ??= [];
}
