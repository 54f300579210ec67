using System.Buffers;
using ModelPackTools.Diagnostics;
using ModelPackTools.Trees;

namespace ModelPackTools.Content.HuggingFace;

/// <summary>
/// The "serving-properties" content inspector: an LMI / DJL Serving `serving.properties`, at the root of /opt/ml/model
/// or in a top-level model folder (DJL Serving's model store on SageMaker), read as Java reads it
/// (<see cref="JavaProperties"/>). On its own the file says whether Java can read it (MPK7025), which lines set
/// nothing (MPK7026) and whether its `engine` exists (MPK7022); with the materialised tree, whether the model it
/// describes is there: files beside it or a model id (MPK7023), and a model id that is a path under /opt/ml/model
/// that the artifact does not have (MPK7024). Only LMI reads serving.properties, so the rules need no profile.
/// </summary>
public sealed class ServingPropertiesInspector : IContentInspector, IContentAggregator
{
    private const string FileName = "serving.properties";

    private const string ModelRoot = "/opt/ml/model";

    // serving.properties is a few dozen lines; a larger file is left unread rather than buffered.
    private const long MaxBytes = 1 << 20;

    public static ServingPropertiesInspector Instance { get; } = new();

    public string Name => "serving-properties";

    public IContentScan? Begin(ContentSubject subject)
    {
        var parts = subject.Path.Split('/');
        return parts is [FileName] or [_, FileName] && subject.Size <= MaxBytes ? new Scan(subject.Path) : null;
    }

    public IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation)
    {
        var findings = new List<Diagnostic>();
        foreach (var (path, properties) in aggregation.Of<JavaProperties>())
        {
            var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
            var modelId = ModelId(properties, aggregation.Environment);
            if (modelId is null)
            {
                if (!aggregation.Tree.Children(folder).Any(IsModelFile))
                {
                    findings.Add(DiagnosticCatalog.ServingNoModel.Create(path, folder.Length == 0 ? "/opt/ml/model" : folder + "/"));
                }
            }
            else if (LocalPath(modelId) is { } local && local.Length > 0 && aggregation.Tree.Resolve(local).Status != LookupStatus.Found)
            {
                findings.Add(DiagnosticCatalog.ServingModelPathMissing.Create(path, modelId, local));
            }
        }

        return findings;
    }

    /// <summary>
    /// Where the model comes from when not from the folder itself: option.model_id (option.s3url in older LMI images),
    /// else the environment's OPTION_MODEL_ID (ModelInfo.loadServingProperties turns OPTION_* into option.*) or
    /// HF_MODEL_ID (LMI's documented name for it, deepjavalibrary/djl-serving#1825). Null when none is set.
    /// </summary>
    private static string? ModelId(JavaProperties properties, IReadOnlyDictionary<string, string>? environment)
    {
        foreach (var key in (string[])["option.model_id", "option.s3url"])
        {
            if (properties[key]?.Trim() is { Length: > 0 } value)
            {
                return value;
            }
        }

        foreach (var variable in (string[])["OPTION_MODEL_ID", "HF_MODEL_ID"])
        {
            if (environment is not null && environment.TryGetValue(variable, out var value) && value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    // The path below /opt/ml/model a model id names ("" for /opt/ml/model itself), or null when it is not one.
    private static string? LocalPath(string modelId)
    {
        if (modelId == ModelRoot || modelId == ModelRoot + "/")
        {
            return string.Empty;
        }

        return modelId.StartsWith(ModelRoot + "/", StringComparison.Ordinal) ? modelId[(ModelRoot.Length + 1)..].TrimEnd('/') : null;
    }

    // What DJL Serving can load from the folder itself (ModelInfo.isPythonModel: config.json or a model.py handler),
    // or weights a handler reads.
    private static bool IsModelFile(MaterializedEntry entry) =>
        entry.IsFile && (entry.Name is "config.json" or "model.py" || WeightFiles.IsWeights(entry.Name));

    private sealed class Scan(string path) : ICollectingScan
    {
        private readonly ArrayBufferWriter<byte> text = new();
        private JavaProperties? properties;

        public object? Collected => this.properties;

        // Begun by the file's name and read whole: serving.properties is judged (MPK7022-MPK7026), so it is this scanner's file.
        public bool Claimed => true;

        public bool Append(ReadOnlySpan<byte> data)
        {
            this.text.Write(data);
            return true;
        }

        public IEnumerable<Diagnostic> Complete()
        {
            this.properties = JavaProperties.Parse(this.text.WrittenSpan);
            if (this.properties.MalformedLines.Count > 0)
            {
                // Properties.load throws at the first one: nothing of the file applies, so nothing else is judged.
                var unreadable = DiagnosticCatalog.ServingLineUnreadable.Create(path, this.properties.MalformedLines[0]);
                this.properties = null;
                return [unreadable];
            }

            var findings = this.properties.KeysWithoutValue
                .Select(p => DiagnosticCatalog.ServingKeyWithoutValue.Create(path, p.Line, p.Key))
                .ToList();
            if (this.properties.Values.TryGetValue("engine", out var engine) && !DjlServingEngines.IsKnown(engine.Value))
            {
                var meant = DjlServingEngines.Meant(engine.Value);
                var hint = meant is null ? $" ({string.Join(", ", DjlServingEngines.Names)})" : $"; did you mean '{meant}'?";
                findings.Add(DiagnosticCatalog.ServingEngineUnknown.Create(path, engine.Value, hint));
            }

            return findings;
        }
    }
}
